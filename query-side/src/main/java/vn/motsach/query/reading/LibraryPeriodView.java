package vn.motsach.query.reading;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A library period held by a class: who attended, out of how many students the class had that day. */
record LibraryPeriodView(UUID periodId, String classId, LocalDate heldOn, String activity, List<String> attendeeIds,
        int attendees, int enrolledStudents, String teacherId, String note) {
}
