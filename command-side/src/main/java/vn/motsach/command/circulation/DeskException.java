package vn.motsach.command.circulation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.command.circulation.OfflineCommands.SettleDeskException;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.desk.DeskExceptionId;
import vn.motsach.events.desk.DeskExceptionRecorded;
import vn.motsach.events.desk.DeskExceptionSettled;

/**
 * An exception of the offline desk: a record that broke a rule, waiting for the librarian. The
 * offline desk opens it in the record's own unit of work; it is settled once.
 */
@Aggregate(repository = CirculationConfiguration.DESK_EXCEPTION_REPOSITORY)
class DeskException {

    @AggregateIdentifier
    private String id;
    private SchoolId schoolId;
    private DeskExceptionId exceptionId;
    private boolean settled;

    DeskException() {
        // for Axon
    }

    DeskException(DeskExceptionRecorded recorded) {
        apply(recorded);
    }

    static String aggregateId(SchoolId school, DeskExceptionId exception) {
        return "desk-exception:" + school.value() + ":" + exception.value();
    }

    @CommandHandler
    void handle(SettleDeskException command) {
        if (settled) {
            throw new Refused(RefusalCode.DESK_EXCEPTION_SETTLED, exceptionId.toString());
        }
        apply(new DeskExceptionSettled(schoolId, exceptionId, command.action(), command.note(), command.settledAt()));
    }

    @EventSourcingHandler
    void on(DeskExceptionRecorded event) {
        id = aggregateId(event.schoolId(), event.exceptionId());
        schoolId = event.schoolId();
        exceptionId = event.exceptionId();
    }

    @EventSourcingHandler
    void on(DeskExceptionSettled event) {
        settled = true;
    }
}
