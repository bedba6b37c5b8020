package vn.motsach.command.circulation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.command.circulation.CirculationCommands.ReceiveIntake;
import vn.motsach.events.IntakeId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.catalogue.IntakeReceived;

/** An intake (đợt nhập sách): one delivery of books, recorded once; its copies name it when accessioned. */
@Aggregate
class Intake {

    @AggregateIdentifier
    private String id;

    Intake() {
        // for Axon
    }

    @CommandHandler
    Intake(ReceiveIntake command) {
        apply(new IntakeReceived(command.schoolId(), command.intakeId(), command.receivedOn(), command.source(),
                command.documentNo(), command.note()));
    }

    static String aggregateId(SchoolId school, IntakeId intake) {
        return "intake:" + school.value() + ":" + intake.value();
    }

    @EventSourcingHandler
    void on(IntakeReceived event) {
        id = aggregateId(event.schoolId(), event.intakeId());
    }
}
