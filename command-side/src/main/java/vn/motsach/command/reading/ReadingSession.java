package vn.motsach.command.reading;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.command.patrons.PatronLookups.Member;
import vn.motsach.command.reading.ReadingCommands.RecordReadingSession;
import vn.motsach.events.ReadingPlace;
import vn.motsach.events.reading.ReadingSessionRecorded;

/** One reading session: recorded once, never changed. */
@Aggregate
class ReadingSession {

    @AggregateIdentifier
    private String id;

    ReadingSession() {
        // for Axon
    }

    @CommandHandler
    ReadingSession(RecordReadingSession command, SchoolRecords records) {
        Member reader = ReadingRules.refuseWhenNoSuchPatron(
                records.memberOn(command.schoolId(), command.patronId(), command.startedOn()), command.patronId());
        ReadingRules.refuseWhenPatronInactive(reader);
        ReadingRules.refuseWhenNoSuchTitle(records, command.schoolId(), command.titleId());
        ReadingRules.refuseWhenOutsideSchoolYear(records, command.schoolId(), command.startedOn());
        apply(new ReadingSessionRecorded(command.schoolId(), command.sessionId(), command.patronId(), reader.category(),
                reader.classId(), command.titleId(), command.startedAt(), command.minutes(), command.place(),
                command.place() == ReadingPlace.HOME));
    }


    @EventSourcingHandler
    void on(ReadingSessionRecorded event) {
        id = "reading-session:" + event.schoolId().value() + ":" + event.sessionId();
    }
}
