package vn.motsach.analytics.periods;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.motsach.analytics.streams.SchoolEvents;
import vn.motsach.analytics.streams.StoreKeys;
import vn.motsach.events.PatronId;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.reading.LibraryPeriodHeld;

/**
 * Every library period held, by school and period id, for its evaluation: the attendees'
 * loans and reading that day are read from the day activity at query time, so a loan synced
 * late still counts for the period of its day.
 */
public final class LibraryPeriodsTopology {

    public static final String PERIODS_STORE = "library-periods";

    private LibraryPeriodsTopology() {
    }

    public static void build(StreamsBuilder builder, String eventsTopic, Serde<PublishedEvent> events) {
        StoreKeys.addJsonStore(builder, PERIODS_STORE, LibraryPeriodRecord.class);
        SchoolEvents.of(builder, eventsTopic, events)
                .process(PeriodRecords::new, Named.as("library-period-records"), PERIODS_STORE);
    }

    private static final class PeriodRecords implements Processor<String, PublishedEvent, Void, Void> {

        private KeyValueStore<String, LibraryPeriodRecord> periods;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            periods = context.getStateStore(PERIODS_STORE);
        }

        @Override
        public void process(Record<String, PublishedEvent> record) {
            if (record.value().payload() instanceof LibraryPeriodHeld held) {
                periods.put(StoreKeys.of(held.schoolId(), held.periodId()), new LibraryPeriodRecord(
                        held.periodId().toString(), held.classId().value(), held.heldOn(), held.activity().name(),
                        held.attendeeIds().stream().map(PatronId::value).toList(), held.enrolledStudents(),
                        record.value().occurredAt()));
            }
        }
    }
}
