package vn.motsach.command.patrons;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.command.school.SchoolRegistration;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;

/** Opens a class of a school year, or brings its details up to date. */
record SetUpClass(SchoolId schoolId, ClassId classId, String name, int grade, SchoolYear schoolYear, PatronId homeroomTeacherId)
        implements SchoolCommand<SchoolRegistration> {

    @TargetAggregateIdentifier
    String aggregateId() {
        return SchoolClass.aggregateId(schoolId, classId);
    }
}
