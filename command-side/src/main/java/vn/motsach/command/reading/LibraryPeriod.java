package vn.motsach.command.reading;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.command.patrons.ClassRegister;
import vn.motsach.command.reading.ReadingCommands.HoldLibraryPeriod;
import vn.motsach.events.PatronId;
import vn.motsach.events.reading.LibraryPeriodHeld;

/**
 * A library period (tiết đọc thư viện) of one class: attendees must be in the class that day,
 * and the class's roster that day is kept with it as the denominator of its attendance.
 */
@Aggregate
class LibraryPeriod {

    @AggregateIdentifier
    private String id;

    LibraryPeriod() {
        // for Axon
    }

    @CommandHandler
    LibraryPeriod(HoldLibraryPeriod command, SchoolRecords records, ClassRegister classes) {
        ReadingRules.refuseWhenNoSuchClass(classes, command.schoolId(), command.classId());
        classes.refuseWhenClosedOn(command.schoolId(), command.classId(), command.heldOn());
        ReadingRules.refuseWhenOutsideClassYear(records, command.schoolId(), command.classId(), command.heldOn());
        if (command.teacherId() != null) {
            ReadingRules.refuseWhenNoSuchPatron(records.memberOn(command.schoolId(), command.teacherId(), command.heldOn()),
                    command.teacherId());
        }
        Set<PatronId> roster = records.studentsOfClassOn(command.schoolId(), command.classId(), command.heldOn());
        ReadingRules.refuseWhenNotInClass(command.attendeeIds().stream().filter(attendee -> !roster.contains(attendee)).toList());
        apply(new LibraryPeriodHeld(command.schoolId(), command.periodId(), command.classId(), command.heldOn(),
                command.activity(), command.attendeeIds(), roster.size(), command.teacherId(), command.note()));
    }

    @EventSourcingHandler
    void on(LibraryPeriodHeld event) {
        id = "library-period:" + event.schoolId().value() + ":" + event.periodId();
    }
}
