package vn.motsach.query.classes;

import java.time.LocalDate;

/** A class as a list shows it: its details, how many active students it has today, and the day it closed. */
record ClassSummaryView(String classId, String name, int grade, String schoolYear, String homeroomTeacherId,
        int enrolled, LocalDate closedOn) {
}
