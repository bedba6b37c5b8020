package vn.motsach.query.evaluation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.evaluation.Circular16ThresholdsSet;
import vn.motsach.events.evaluation.DeclaredCriterion;
import vn.motsach.events.evaluation.LibraryProfileDeclared;
import vn.motsach.query.EventPosition;

/**
 * Library profiles and authorities' thresholds for the Circular 16 evaluation. Each write applies
 * only over an older one, so an event seen twice, or late, changes nothing.
 */
@Component
@ProcessingGroup(Circular16Projection.NAME)
class Circular16Projection {

    static final String NAME = "circular-16";

    private final JdbcClient jdbc;

    Circular16Projection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LibraryProfileDeclared event, TrackingToken token) {
        int written = jdbc.sql("""
                        insert into qs_library_profile as p (school_id, school_year, reading_room_m2, seats, last_position)
                        values (:school, :year, :area, :seats, :position)
                        on conflict (school_id, school_year) do update set
                          reading_room_m2 = excluded.reading_room_m2, seats = excluded.seats, last_position = excluded.last_position
                        where p.last_position < excluded.last_position""")
                .param("school", event.schoolId().value())
                .param("year", event.schoolYear().value())
                .param("area", event.readingRoomM2())
                .param("seats", event.seats())
                .param("position", EventPosition.of(token))
                .update();
        if (written == 0) {
            return;
        }
        jdbc.sql("delete from qs_library_profile_criterion where school_id = :school and school_year = :year")
                .param("school", event.schoolId().value())
                .param("year", event.schoolYear().value())
                .update();
        for (DeclaredCriterion criterion : event.criteria()) {
            jdbc.sql("""
                            insert into qs_library_profile_criterion (school_id, school_year, criterion_id, met, evidence)
                            values (:school, :year, :criterion, :met, :evidence)""")
                    .param("school", event.schoolId().value())
                    .param("year", event.schoolYear().value())
                    .param("criterion", criterion.criterionId())
                    .param("met", criterion.met())
                    .param("evidence", criterion.evidence().toArray(String[]::new))
                    .update();
        }
    }

    @EventHandler
    void on(Circular16ThresholdsSet event, TrackingToken token) {
        jdbc.sql("""
                        insert into qs_circular16_thresholds as t (authority_id, school_year, copies_per_student_l2,
                          copies_per_teacher_l2, activities_per_month, counted_doc_types, last_position)
                        values (:authority, :year, cast(:per_student as jsonb), cast(:per_teacher as jsonb), :activities,
                          :types, :position)
                        on conflict (authority_id, school_year) do update set
                          copies_per_student_l2 = excluded.copies_per_student_l2,
                          copies_per_teacher_l2 = excluded.copies_per_teacher_l2,
                          activities_per_month = excluded.activities_per_month,
                          counted_doc_types = excluded.counted_doc_types, last_position = excluded.last_position
                        where t.last_position < excluded.last_position""")
                .param("authority", event.authorityId().value())
                .param("year", event.schoolYear().value())
                .param("per_student", json(event.copiesPerStudentLevel2()))
                .param("per_teacher", json(event.copiesPerTeacherLevel2()))
                .param("activities", event.activitiesPerMonth())
                .param("types", event.countedDocTypes().stream().map(Enum::name).toArray(String[]::new))
                .param("position", EventPosition.of(token))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_library_profile, qs_library_profile_criterion, qs_circular16_thresholds").update();
    }

    /** Education levels and numbers only: written here rather than through a JSON mapper. */
    private static String json(Map<EducationLevel, BigDecimal> ratios) {
        return ratios.entrySet().stream()
                .map(entry -> "\"%s\":%s".formatted(entry.getKey().name(), entry.getValue().toPlainString()))
                .collect(Collectors.joining(",", "{", "}"));
    }
}
