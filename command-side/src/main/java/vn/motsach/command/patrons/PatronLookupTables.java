package vn.motsach.command.patrons;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.command.execution.LookupTables;
import vn.motsach.events.patron.ClassHistory;
import vn.motsach.events.patron.PatronDetailsChanged;
import vn.motsach.events.patron.PatronLeft;
import vn.motsach.events.patron.PatronMovedToClass;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.patron.PatronRejoined;
import vn.motsach.events.schoolclass.ClassClosed;
import vn.motsach.events.schoolclass.ClassDetailsChanged;
import vn.motsach.events.schoolclass.ClassOpened;

/** Keeps the lookup tables of classes and patrons (with each patron's class history) in step with their events. */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
class PatronLookupTables {

    private final JdbcClient jdbc;

    PatronLookupTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClassOpened event) {
        classRow(event.schoolId().value(), event.classId().value(), event.schoolYear().value(), event.name(), event.grade(),
                event.homeroomTeacherId() == null ? null : event.homeroomTeacherId().value());
    }

    @EventHandler
    void on(ClassDetailsChanged event) {
        classRow(event.schoolId().value(), event.classId().value(), event.schoolYear().value(), event.name(), event.grade(),
                event.homeroomTeacherId() == null ? null : event.homeroomTeacherId().value());
    }

    @EventHandler
    void on(ClassClosed event) {
        jdbc.sql("update cmd_class set closed_on = ? where school_id = ? and class_id = ?")
                .params(event.closedOn(), event.schoolId().value(), event.classId().value()).update();
    }

    private void classRow(String school, String classId, String schoolYear, String name, int grade, String teacher) {
        jdbc.sql("""
                        insert into cmd_class (school_id, class_id, school_year, name, grade, homeroom_teacher_id)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (school_id, class_id) do update set school_year = excluded.school_year,
                            name = excluded.name, grade = excluded.grade, homeroom_teacher_id = excluded.homeroom_teacher_id""")
                .params(school, classId, schoolYear, name, grade, teacher).update();
    }

    /** The first class holds from the day of the registration, as {@link ClassHistory} says; the row is kept without a class too. */
    @EventHandler
    void on(PatronRegistered event, @Timestamp Instant recordedAt) {
        jdbc.sql("insert into cmd_patron (school_id, patron_id, category, active, full_name) values (?, ?, ?, true, ?)")
                .params(event.schoolId().value(), event.patronId().value(), event.category().name(), event.fullName()).update();
        patronClass(event.schoolId().value(), event.patronId().value(), ClassHistory.registeredOn(recordedAt),
                event.classId() == null ? null : event.classId().value());
    }

    @EventHandler
    void on(PatronDetailsChanged event) {
        jdbc.sql("update cmd_patron set category = ?, full_name = ? where school_id = ? and patron_id = ?")
                .params(event.category().name(), event.fullName(), event.schoolId().value(), event.patronId().value()).update();
    }

    @EventHandler
    void on(PatronMovedToClass event) {
        patronClass(event.schoolId().value(), event.patronId().value(), event.effectiveOn(), event.toClassId().value());
    }

    @EventHandler
    void on(PatronLeft event) {
        active(event.schoolId().value(), event.patronId().value(), false, event.leftOn());
    }

    @EventHandler
    void on(PatronRejoined event) {
        active(event.schoolId().value(), event.patronId().value(), true, null);
    }

    private void active(String school, String patron, boolean active, LocalDate leftOn) {
        jdbc.sql("update cmd_patron set active = ?, left_on = ? where school_id = ? and patron_id = ?")
                .params(active, leftOn, school, patron).update();
    }

    private void patronClass(String school, String patron, LocalDate from, String classId) {
        jdbc.sql("""
                        insert into cmd_patron_class (school_id, patron_id, effective_on, class_id) values (?, ?, ?, ?)
                        on conflict (school_id, patron_id, effective_on) do update set class_id = excluded.class_id""")
                .params(school, patron, from, classId).update();
    }
}
