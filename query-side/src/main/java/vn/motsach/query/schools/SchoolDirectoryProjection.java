package vn.motsach.query.schools;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;

/**
 * Schools as the directory shows them. Every write carries the event's position and applies
 * only over an older one, so an event seen twice, or late, changes nothing.
 */
@Component
@ProcessingGroup(SchoolDirectoryProjection.NAME)
class SchoolDirectoryProjection {

    static final String NAME = "school-directory";

    private final JdbcClient jdbc;

    SchoolDirectoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SchoolRegistered event, @Timestamp Instant at, TrackingToken token) {
        upsert(event.schoolId().value(), event.name(), event.educationLevels(), event.authorityId(), at, position(token));
    }

    @EventHandler
    void on(SchoolDetailsChanged event, @Timestamp Instant at, TrackingToken token) {
        upsert(event.schoolId().value(), event.name(), event.educationLevels(), event.authorityId(), at, position(token));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_school").update();
    }

    private void upsert(String schoolId, String name, List<EducationLevel> levels, AuthorityId authority, Instant at,
            long position) {
        OffsetDateTime time = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.sql("""
                        insert into qs_school as s
                          (school_id, name, education_levels, authority_id, registered_at, updated_at, last_position)
                        values (:id, :name, :levels, :authority, :at, :at, :position)
                        on conflict (school_id) do update set
                          name = excluded.name,
                          education_levels = excluded.education_levels,
                          authority_id = excluded.authority_id,
                          registered_at = least(s.registered_at, excluded.registered_at),
                          updated_at = excluded.updated_at,
                          last_position = excluded.last_position
                        where s.last_position < excluded.last_position""")
                .param("id", schoolId)
                .param("name", name)
                .param("levels", levels.stream().map(Enum::name).toArray(String[]::new))
                .param("authority", authority == null ? null : authority.value())
                .param("at", time)
                .param("position", position)
                .update();
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("Event without a position: " + token));
    }
}
