package vn.motsach.events.school;

import java.time.LocalDate;
import java.util.List;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.Semester;

/** The calendar of a school year was set: its dates, its two semesters and the days the library is closed (holidays, Tết). Set again in full when it changes. */
@Revision("1")
public record SchoolYearScheduled(
        SchoolId schoolId,
        SchoolYear schoolYear,
        LocalDate startsOn,
        LocalDate endsOn,
        List<Semester> semesters,
        List<LocalDate> closedDays)
        implements SchoolLifecycleEvent {

    public SchoolYearScheduled {
        semesters = List.copyOf(semesters);
        closedDays = List.copyOf(closedDays);
    }
}
