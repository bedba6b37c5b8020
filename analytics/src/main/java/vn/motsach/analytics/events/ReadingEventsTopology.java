package vn.motsach.analytics.events;

import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import vn.motsach.analytics.streams.LatestById;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.reading.Participant;
import vn.motsach.events.reading.ReadingEventParticipationRecorded;
import vn.motsach.events.reading.ReadingEventScheduled;

/**
 * Every reading event of a school with its participating students per class, for the
 * event's evaluation (participation rate, loans and reading during the event against the
 * school days before it).
 */
public final class ReadingEventsTopology {

    public static final String EVENTS_STORE = "reading-events";

    private ReadingEventsTopology() {
    }

    public static void build(StreamsBuilder builder, KStream<String, PublishedEvent> schoolEvents) {
        LatestById.in(EVENTS_STORE, ReadingEventRecord.class)
                .on(ReadingEventScheduled.class, ReadingEventScheduled::eventId, ReadingEventsTopology::scheduled)
                .on(ReadingEventParticipationRecorded.class, ReadingEventParticipationRecorded::eventId,
                        ReadingEventsTopology::participation)
                .build(builder, schoolEvents, "reading-event-records");
    }

    /** A rescheduled event keeps the participants already recorded. */
    private static ReadingEventRecord scheduled(ReadingEventScheduled scheduled, ReadingEventRecord known,
            PublishedEvent envelope) {
        return new ReadingEventRecord(scheduled.eventId().toString(), scheduled.name(), scheduled.kind().name(),
                scheduled.startsOn(), scheduled.endsOn(), scheduled.classIds().stream().map(ClassId::value).toList(),
                known == null ? Map.of() : known.participantsByClass(), envelope.occurredAt());
    }

    private static ReadingEventRecord participation(ReadingEventParticipationRecorded recorded, ReadingEventRecord event,
            PublishedEvent envelope) {
        if (event == null) {
            return null; // participation is recorded only for a scheduled event
        }
        for (Participant participant : recorded.participants()) {
            if (participant.category() == PatronCategory.STUDENT && participant.classId() != null) {
                event = event.withParticipant(participant.classId().value(), participant.patronId().value(),
                        envelope.occurredAt());
            }
        }
        return event;
    }
}
