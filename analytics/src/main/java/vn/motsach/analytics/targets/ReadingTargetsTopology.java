package vn.motsach.analytics.targets;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import vn.motsach.analytics.streams.LatestById;
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

    public static void build(StreamsBuilder builder, KStream<String, PublishedEvent> schoolEvents) {
        LatestById.in(TARGETS_STORE, ReadingTargetRecord.class)
                .on(ReadingTargetSet.class, ReadingTargetSet::targetId, (set, current, envelope) ->
                        new ReadingTargetRecord(set.targetId(), set.metric(), set.scope(), set.scopeId(), set.period(),
                                set.threshold(), envelope.occurredAt()))
                .on(ReadingTargetRemoved.class, ReadingTargetRemoved::targetId, (removed, current, envelope) -> null)
                .build(builder, schoolEvents, "reading-target-records");
    }
}
