package vn.motsach.analytics.events;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.motsach.analytics.streams.SchoolEvents;
import vn.motsach.analytics.streams.StoreKeys;
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

    public static void build(StreamsBuilder builder, String eventsTopic, Serde<PublishedEvent> events) {
        StoreKeys.addJsonStore(builder, EVENTS_STORE, ReadingEventRecord.class);
        SchoolEvents.of(builder, eventsTopic, events)
                .process(EventRecords::new, Named.as("reading-event-records"), EVENTS_STORE);
    }

    private static final class EventRecords implements Processor<String, PublishedEvent, Void, Void> {

        private KeyValueStore<String, ReadingEventRecord> readingEvents;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            readingEvents = context.getStateStore(EVENTS_STORE);
        }

        @Override
        public void process(Record<String, PublishedEvent> record) {
            Object payload = record.value().payload();
            if (payload instanceof ReadingEventScheduled scheduled) {
                String key = StoreKeys.of(scheduled.schoolId(), scheduled.eventId());
                ReadingEventRecord known = readingEvents.get(key);
                readingEvents.put(key, new ReadingEventRecord(scheduled.eventId().toString(), scheduled.name(),
                        scheduled.kind().name(), scheduled.startsOn(), scheduled.endsOn(),
                        scheduled.classIds().stream().map(ClassId::value).toList(),
                        known == null ? Map.of() : known.participantsByClass(), record.value().occurredAt()));
            } else if (payload instanceof ReadingEventParticipationRecorded recorded) {
                String key = StoreKeys.of(recorded.schoolId(), recorded.eventId());
                ReadingEventRecord event = readingEvents.get(key);
                if (event == null) {
                    return; // participation is recorded only for a scheduled event
                }
                for (Participant participant : recorded.participants()) {
                    if (participant.category() == PatronCategory.STUDENT && participant.classId() != null) {
                        event = event.withParticipant(participant.classId().value(), participant.patronId().value(),
                                record.value().occurredAt());
                    }
                }
                readingEvents.put(key, event);
            }
        }
    }
}
