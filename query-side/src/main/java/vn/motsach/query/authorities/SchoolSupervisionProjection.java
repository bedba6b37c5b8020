package vn.motsach.query.authorities;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolSupervisionChanged;
import vn.motsach.events.school.Supervision;

/**
 * Which authority each school reports to in each school year. A school's registration, or a
 * change of its details, names its one authority for every year; a {@link SchoolSupervisionChanged}
 * that follows it gives the stretches by year. Each event replaces the school's stretches whole,
 * and only over an older event's, so an event seen twice, or late, changes nothing.
 */
@Component
@ProcessingGroup(SchoolSupervisionProjection.NAME)
class SchoolSupervisionProjection {

    static final String NAME = "school-supervision";

    private final JdbcClient jdbc;

    SchoolSupervisionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SchoolRegistered event, TrackingToken token) {
        replace(event.schoolId().value(), List.of(new Supervision(null, event.authorityId())), position(token));
    }

    @EventHandler
    void on(SchoolDetailsChanged event, TrackingToken token) {
        replace(event.schoolId().value(), List.of(new Supervision(null, event.authorityId())), position(token));
    }

    @EventHandler
    void on(SchoolSupervisionChanged event, TrackingToken token) {
        replace(event.schoolId().value(), event.supervisions(), position(token));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_school_supervision").update();
    }

    void replace(String schoolId, List<Supervision> stretches, long position) {
        jdbc.sql("delete from qs_school_supervision where school_id = ? and last_position < ?").params(schoolId, position).update();
        boolean newer = jdbc.sql("select exists (select 1 from qs_school_supervision where school_id = ?)")
                .param(schoolId).query(Boolean.class).single();
        if (newer) {
            return;
        }
        for (int i = 0; i < stretches.size(); i++) {
            Supervision stretch = stretches.get(i);
            SchoolYear until = i + 1 < stretches.size() ? stretches.get(i + 1).fromSchoolYear() : null;
            AuthorityId authority = stretch.authorityId();
            jdbc.sql("""
                            insert into qs_school_supervision
                              (school_id, stretch, from_school_year, until_school_year, authority_id, last_position)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(schoolId, i, stretch.fromSchoolYear() == null ? null : stretch.fromSchoolYear().value(),
                            until == null ? null : until.value(), authority == null ? null : authority.value(), position)
                    .update();
        }
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("Event without a position: " + token));
    }
}
