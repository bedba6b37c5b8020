package vn.motsach.command.school;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.Semester;

/** Sets (or replaces) the calendar of one school year. */
record ScheduleSchoolYear(SchoolId schoolId, SchoolYear schoolYear, LocalDate startsOn, LocalDate endsOn,
        List<Semester> semesters, List<LocalDate> closedDays) implements SchoolCommand<SchoolRegistration> {

    @TargetAggregateIdentifier
    String aggregateId() {
        return School.aggregateId(schoolId);
    }
}
