package vn.motsach.query.classes;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.schoolclass.ClassClosed;
import vn.motsach.events.schoolclass.ClassDetailsChanged;
import vn.motsach.events.schoolclass.ClassOpened;
import vn.motsach.query.EventPosition;
import vn.motsach.query.web.Sql;

/** The classes of each school year, and the day each closed; each write applies only over an older one. */
@Component
@ProcessingGroup(ClassDirectoryProjection.NAME)
class ClassDirectoryProjection {

    static final String NAME = "class-directory";

    private final JdbcClient jdbc;

    ClassDirectoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClassOpened event, TrackingToken token) {
        upsert(event.schoolId(), event.classId(), event.name(), event.grade(), event.schoolYear(), event.homeroomTeacherId(), token);
    }

    @EventHandler
    void on(ClassDetailsChanged event, TrackingToken token) {
        upsert(event.schoolId(), event.classId(), event.name(), event.grade(), event.schoolYear(), event.homeroomTeacherId(), token);
    }

    @EventHandler
    void on(ClassClosed event, TrackingToken token) {
        jdbc.sql("""
                        update qs_class set closed_on = :closed_on, last_position = :position
                        where school_id = :school and class_id = :class_id and last_position < :position""")
                .param("closed_on", event.closedOn())
                .param("position", EventPosition.of(token))
                .param("school", event.schoolId().value())
                .param("class_id", event.classId().value())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_class").update();
    }

    private void upsert(SchoolId school, ClassId classId, String name, int grade, SchoolYear year, PatronId teacher,
            TrackingToken token) {
        jdbc.sql("""
                        insert into qs_class as c (school_id, class_id, name, grade, school_year, homeroom_teacher_id, last_position)
                        values (:school, :class_id, :name, :grade, :year, :teacher, :position)
                        on conflict (school_id, class_id) do update set
                          name = excluded.name, grade = excluded.grade, school_year = excluded.school_year,
                          homeroom_teacher_id = excluded.homeroom_teacher_id, last_position = excluded.last_position
                        where c.last_position < excluded.last_position""")
                .param("school", school.value())
                .param("class_id", classId.value())
                .param("name", name)
                .param("grade", grade)
                .param("year", year.value())
                .param("teacher", Sql.text(teacher))
                .param("position", EventPosition.of(token))
                .update();
    }
}
