package vn.motsach.query.interop;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.SchoolId;
import vn.motsach.events.interop.InteropGroupChanged;
import vn.motsach.events.interop.InteropGroupEvent;
import vn.motsach.events.interop.InteropGroupFormed;
import vn.motsach.query.EventPosition;

/**
 * Liên thông groups and their members. Each event carries the whole group, so a group's row and
 * its members are replaced together, and only over an older position: an event seen twice, or
 * late, changes nothing.
 */
@Component
@ProcessingGroup(InteropGroupProjection.NAME)
class InteropGroupProjection {

    static final String NAME = "interop-groups";

    private final JdbcClient jdbc;

    InteropGroupProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InteropGroupFormed event, @Timestamp Instant at, TrackingToken token) {
        replace(event, at, EventPosition.of(token));
    }

    @EventHandler
    void on(InteropGroupChanged event, @Timestamp Instant at, TrackingToken token) {
        replace(event, at, EventPosition.of(token));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_interop_group, qs_interop_member").update();
    }

    private void replace(InteropGroupEvent event, Instant at, long position) {
        int written = jdbc.sql("""
                        insert into qs_interop_group as g (group_id, authority_id, name, sharing, updated_at, last_position)
                        values (:group, :authority, :name, :sharing, :at, :position)
                        on conflict (group_id) do update set
                          authority_id = excluded.authority_id, name = excluded.name, sharing = excluded.sharing,
                          updated_at = excluded.updated_at, last_position = excluded.last_position
                        where g.last_position < excluded.last_position""")
                .param("group", event.groupId().value())
                .param("authority", event.authorityId().value())
                .param("name", event.name())
                .param("sharing", event.sharing().name())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("position", position)
                .update();
        if (written == 0) {
            return;
        }
        jdbc.sql("delete from qs_interop_member where group_id = ?").param(event.groupId().value()).update();
        jdbc.sql("insert into qs_interop_member (group_id, school_id) select ?, unnest(?::varchar[])")
                .params(event.groupId().value(), event.schoolIds().stream().map(SchoolId::value).toArray(String[]::new))
                .update();
    }
}
