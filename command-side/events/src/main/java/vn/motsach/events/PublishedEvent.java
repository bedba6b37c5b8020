package vn.motsach.events;

import java.time.Instant;

/**
 * An event as the Kafka topic carries it: the stored event plus what a consumer needs to stay
 * idempotent ({@code eventId}) and ordered ({@code position}, the event store's global index).
 *
 * @param type the event's stable name, see {@link EventCatalogue}
 * @param actor who caused it: an account name, or {@code system} for time-driven rules
 */
public record PublishedEvent(
        String eventId,
        String type,
        String revision,
        SchoolId schoolId,
        Instant occurredAt,
        long position,
        String actor,
        SchoolEvent payload) {
}
