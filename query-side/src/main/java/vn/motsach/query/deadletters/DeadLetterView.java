package vn.motsach.query.deadletters;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event a projection has parked.
 *
 * @param schoolId the school whose events wait behind it (for an event of no school, its own id)
 * @param sequenceIndex its place among the school's parked events, applied in this order
 * @param position the event's global position in the event store
 * @param error why it failed; none when it only waits behind an earlier parked event of its school
 */
record DeadLetterView(String projection, String schoolId, long sequenceIndex, String eventId, @Nullable Long position,
        String eventType, Instant occurredAt, Instant deadLetteredAt, @Nullable Instant lastTriedAt, @Nullable Error error) {

    record Error(String type, @Nullable String message) {
    }
}
