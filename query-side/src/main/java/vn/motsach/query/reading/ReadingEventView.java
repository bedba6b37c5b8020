package vn.motsach.query.reading;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A reading event with its classes and how many patrons took part (of the caller's classes, for a teacher). */
record ReadingEventView(UUID eventId, String name, String kind, LocalDate startsOn, LocalDate endsOn, List<String> classIds,
        int participants) {
}
