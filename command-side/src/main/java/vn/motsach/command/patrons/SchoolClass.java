package vn.motsach.command.patrons;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.command.school.SchoolRegistration;
import vn.motsach.events.ClassId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.schoolclass.ClassDetailsChanged;
import vn.motsach.events.schoolclass.ClassOpened;

/** A class (lớp) of a school year, such as 6A1 of 2025-2026. */
@Aggregate
class SchoolClass {

    @AggregateIdentifier
    private String id;
    private ClassDetailsChanged details;

    SchoolClass() {
        // for Axon
    }

    static String aggregateId(SchoolId school, ClassId classId) {
        return "class:" + school.value() + ":" + classId.value();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    SchoolRegistration handle(SetUpClass command) {
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
