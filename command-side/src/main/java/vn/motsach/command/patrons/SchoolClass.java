package vn.motsach.command.patrons;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;
import vn.motsach.command.patrons.PatronLookups.RosterPatron;
import vn.motsach.command.school.SchoolGrades;
import vn.motsach.command.school.SchoolLookups;
import vn.motsach.command.school.SchoolRegistration;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.schoolclass.ClassClosed;
import vn.motsach.events.schoolclass.ClassDetailsChanged;
import vn.motsach.events.schoolclass.ClassOpened;

/** A class (lớp) of a school year, such as 6A1 of 2025-2026. */
@Aggregate
class SchoolClass {

    @AggregateIdentifier
    private String id;
    private ClassDetailsChanged details;
    private LocalDate closedOn;

    SchoolClass() {
        // for Axon
    }

    static String aggregateId(SchoolId school, ClassId classId) {
        return "class:" + school.value() + ":" + classId.value();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SchoolRegistration handle(SetUpClass command, SchoolLookups schools, PatronLookups patrons) {
        // the school's education levels decide its grades, for a class set up alone as for one imported or rolled over
        SchoolGrades grades = schools.grades(command.schoolId());
        if (!grades.teaches(command.grade())) {
            throw new Refused(RefusalCode.GRADE_NOT_TAUGHT, command.grade(), grades.inWords());
        }
        refuseWhenHomeroomTeacherNotTeacher(command, details, teacher -> patrons.rosterPatronToday(command.schoolId(), teacher),
                teacher -> Optional.ofNullable(patrons.patronIdsDifferingInCase(command.schoolId(), List.of(teacher.value()))
                        .get(teacher.value())));
        ClassDetailsChanged wanted = new ClassDetailsChanged(command.schoolId(), command.classId(), command.name(),
                command.grade(), command.schoolYear(), command.homeroomTeacherId());
        if (id == null) {
            apply(new ClassOpened(command.schoolId(), command.classId(), command.name(), command.grade(),
                    command.schoolYear(), command.homeroomTeacherId()));
            return SchoolRegistration.REGISTERED;
        }
        if (wanted.equals(details)) {
            return SchoolRegistration.UNCHANGED;
        }
        apply(wanted);
        return SchoolRegistration.CHANGED;
    }

    /**
     * A class's homeroom teacher (GVCN) is one of the school's teachers: a patron of the school of
     * another category (a student, a staff member), or a teacher who has left the school, is
     * refused. An id the school has no patron for is kept, as a roster's classes go in before its
     * patrons (the import warns of it), unless it differs only by case from a patron's id: most
     * likely a slip of the shift key, refused naming the id the school has (ids match as written).
     * The lookups are by the command's school, so another school's patron is never one of this
     * school's. Only a GVCN being named is judged: the one a class has kept (set before this rule,
     * or a teacher since filed as staff) does not stop its name or grade being corrected.
     */
    static void refuseWhenHomeroomTeacherNotTeacher(SetUpClass command, @Nullable ClassDetailsChanged current,
            Function<PatronId, Optional<RosterPatron>> patronOf, Function<PatronId, Optional<String>> sameButCase) {
        PatronId teacher = command.homeroomTeacherId();
        if (teacher == null || current != null && teacher.equals(current.homeroomTeacherId())) {
            return;
        }
        Optional<RosterPatron> patron = patronOf.apply(teacher);
        if (patron.isPresent() && (patron.get().category() != PatronCategory.TEACHER || !patron.get().active())) {
            throw new Refused(RefusalCode.HOMEROOM_TEACHER_NOT_TEACHER, teacher.value(), command.classId().value());
        }
        Optional<String> written = patron.isPresent() ? Optional.empty() : sameButCase.apply(teacher);
        if (written.isPresent()) {
            throw new Refused(RefusalCode.HOMEROOM_TEACHER_CASE_DIFFERS, teacher.value(), written.get());
        }
    }

    /**
     * Closing a closed class again changes nothing and answers its first closing day. Its
     * details may still be corrected afterwards: a correction does not reopen it.
     *
     * @return the day the class is closed from
     */
    @CommandHandler
    LocalDate handle(CloseClass command) {
        if (closedOn != null) {
            return closedOn;
        }
        apply(new ClassClosed(command.schoolId(), command.classId(), command.closedOn()));
        return command.closedOn();
    }

    @EventSourcingHandler
    void on(ClassClosed event) {
        closedOn = event.closedOn();
    }

    @EventSourcingHandler
    void on(ClassOpened event) {
        id = aggregateId(event.schoolId(), event.classId());
        details = new ClassDetailsChanged(event.schoolId(), event.classId(), event.name(), event.grade(), event.schoolYear(),
                event.homeroomTeacherId());
    }

    @EventSourcingHandler
    void on(ClassDetailsChanged event) {
        details = event;
    }
}
