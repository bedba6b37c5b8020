package vn.motsach.analytics.periods;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A library period as held: the class, the day, the activity, who attended, how many were enrolled. */
public record LibraryPeriodRecord(String periodId, String classId, LocalDate heldOn, String activity,
        List<String> attendeeIds, int enrolledStudents, Instant recordedAt) {

    public LibraryPeriodRecord {
        attendeeIds = attendeeIds == null ? List.of() : List.copyOf(attendeeIds);
    }
}
