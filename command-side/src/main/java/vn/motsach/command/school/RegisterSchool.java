package vn.motsach.command.school;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;

/**
 * Registers a school, or brings its details up to date when it is already registered. A new
 * {@code authorityId} applies from the school year {@code authorityFrom} on; the years before
 * keep the authority they had.
 */
record RegisterSchool(SchoolId schoolId, String name, List<EducationLevel> educationLevels, AuthorityId authorityId,
        SchoolYear authorityFrom) implements SchoolCommand<SchoolRegistration> {

    @Override
    public boolean needsRegisteredSchool() {
        return false;
    }

    @TargetAggregateIdentifier
    String aggregateId() {
        return School.aggregateId(schoolId);
    }
}
