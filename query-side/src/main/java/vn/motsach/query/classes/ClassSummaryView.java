package vn.motsach.query.classes;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A class as a list shows it: its details, how many active students it has today, and the day it
 * closed; {@code lateJoiners}, those of its students today who joined it after its school year's
 * last day (the rollover is refused while there are any).
 */
record ClassSummaryView(String classId, String name, int grade, String schoolYear, @Nullable String homeroomTeacherId,
        int enrolled, @Nullable LocalDate closedOn, int lateJoiners) {
}
