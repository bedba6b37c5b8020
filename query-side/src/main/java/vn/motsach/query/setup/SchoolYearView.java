package vn.motsach.query.setup;

import java.time.LocalDate;
import java.util.List;

/** A school year's calendar as the school set it: its dates, its semesters and the days the library is closed. */
record SchoolYearView(String schoolYear, LocalDate startsOn, LocalDate endsOn, List<SemesterView> semesters,
        List<LocalDate> closedDays) {

    record SemesterView(int number, LocalDate startsOn, LocalDate endsOn) {
    }
}
