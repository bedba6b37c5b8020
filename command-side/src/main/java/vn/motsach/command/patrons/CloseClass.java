package vn.motsach.command.patrons;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.events.ClassId;
import vn.motsach.events.SchoolId;

/** Closes a class from a day on: no new member, no new library period. */
record CloseClass(SchoolId schoolId, ClassId classId, LocalDate closedOn) implements SchoolCommand<LocalDate> {

    @TargetAggregateIdentifier
    String aggregateId() {
        return SchoolClass.aggregateId(schoolId, classId);
    }
}
