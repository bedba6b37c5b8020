package vn.motsach.command.patrons;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.command.school.SchoolRegistration;
import vn.motsach.events.ClassId;
import vn.motsach.events.DepartureReason;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;

/** The commands of a patron's life at the school. */
final class PatronCommands {

    private PatronCommands() {
    }

    /**
     * Registers a patron, or brings their details up to date; a different class is a class move
     * from {@code today}, and a patron who had left is welcomed back.
     */
    record RegisterPatron(SchoolId schoolId, PatronId patronId, String fullName, PatronCategory category, ClassId classId,
            LocalDate today) implements SchoolCommand<SchoolRegistration> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return Patron.aggregateId(schoolId, patronId);
        }
    }

    record MovePatronToClass(SchoolId schoolId, PatronId patronId, ClassId toClassId, LocalDate effectiveOn)
            implements SchoolCommand<Boolean> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return Patron.aggregateId(schoolId, patronId);
        }
    }

    record RecordDeparture(SchoolId schoolId, PatronId patronId, DepartureReason reason, LocalDate leftOn)
            implements SchoolCommand<Departed> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return Patron.aggregateId(schoolId, patronId);
        }
    }
}
