package vn.motsach.query.reading;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A reading session of a patron: where, how long, and whether the school saw it or the reader reported it. */
record ReadingSessionView(UUID sessionId, String patronId, @Nullable String classId, @Nullable UUID titleId, Instant startedAt, int minutes,
        String place, boolean selfReported) {
}
