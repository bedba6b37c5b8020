package vn.motsach.analytics.targets;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.motsach.analytics.streams.SchoolEvents;
import vn.motsach.analytics.streams.StoreKeys;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.reading.ReadingTargetRemoved;
import vn.motsach.events.reading.ReadingTargetSet;

/**
 * The reading targets of each school, the latest setting of each; a removed one is deleted. They are joined with their
 * metric when read: the metric stores sit in the same partition (same school key), so the
 * join is a local lookup of live state, current to the last committed event.
 */
public final class ReadingTargetsTopology {

    public static final String TARGETS_STORE = "reading-targets";

    private ReadingTargetsTopology() {
    }

    public static void build(StreamsBuilder builder, String eventsTopic, Serde<PublishedEvent> events) {
        StoreKeys.addJsonStore(builder, TARGETS_STORE, ReadingTargetRecord.class);
        SchoolEvents.of(builder, eventsTopic, events)
                .process(TargetRecords::new, Named.as("reading-target-records"), TARGETS_STORE);
    }

    private static final class TargetRecords implements Processor<String, PublishedEvent, Void, Void> {

        private KeyValueStore<String, ReadingTargetRecord> targets;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            targets = context.getStateStore(TARGETS_STORE);
        }

        @Override
        public void process(Record<String, PublishedEvent> record) {
            if (record.value().payload() instanceof ReadingTargetSet set) {
                targets.put(StoreKeys.of(set.schoolId(), set.targetId()), new ReadingTargetRecord(set.targetId(),
                        set.metric(), set.scope(), set.scopeId(), set.period(), set.threshold(), record.value().occurredAt()));
            } else if (record.value().payload() instanceof ReadingTargetRemoved removed) {
                targets.delete(StoreKeys.of(removed.schoolId(), removed.targetId()));
            }
        }
    }
}
