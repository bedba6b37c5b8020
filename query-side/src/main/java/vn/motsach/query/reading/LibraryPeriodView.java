package vn.motsach.query.reading;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A library period held by a class: who attended, out of how many students the class had that day. */
record LibraryPeriodView(UUID periodId, String classId, LocalDate heldOn, String activity, List<String> attendeeIds,
        int attendees, int enrolledStudents, @Nullable String teacherId, @Nullable String note) {
}
