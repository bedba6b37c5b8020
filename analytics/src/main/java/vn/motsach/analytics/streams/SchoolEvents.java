package vn.motsach.analytics.streams;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import vn.motsach.events.PublishedEvent;

/**
 * The school events every metric family reads, each event once. A topic can have only one
 * source in a topology, so the families share this stream: the analytics topology makes it
 * once and hands it to each family.
 *
 * <p>The publisher delivers at least once: after a crash it sends some events again, later
 * and possibly after newer ones. Positions are not a usable watermark (concurrent commits
 * publish a lower position after a higher one), so every event id seen is remembered in a
 * window store for {@link #RETENTION}, far longer than any publisher outage that still
 * resends, and a second copy is dropped here. Inside Streams, exactly_once_v2 makes the
 * "seen" mark and the metric updates one transaction. The store is not cached: every id is
 * written once and looked up once, so a cache saves nothing, while its sorted map would be
 * merged into every lookup.
 */
public final class SchoolEvents {

    public static final String SEEN_EVENTS_STORE = "seen-event-ids";
    static final Duration RETENTION = Duration.ofDays(14);

    private SchoolEvents() {
    }

    /** The deduplicated stream of {@code topic}, keyed by school id; call it once per topology. */
    public static KStream<String, PublishedEvent> deduplicated(StreamsBuilder builder, String topic,
            Serde<PublishedEvent> events) {
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(SEEN_EVENTS_STORE, RETENTION.plusDays(1), RETENTION, false),
                Serdes.String(), Serdes.Long()).withCachingDisabled());
        return builder.stream(topic, Consumed.with(Serdes.String(), events).withName("school-events"))
                .processValues(FirstDelivery::new, Named.as("first-delivery-of-each-event"), SEEN_EVENTS_STORE);
    }

    /** Passes an event on only the first time its id is seen within the retention. */
    private static final class FirstDelivery implements FixedKeyProcessor<String, PublishedEvent, PublishedEvent> {

        private FixedKeyProcessorContext<String, PublishedEvent> context;
        private WindowStore<String, Long> seen;

        @Override
        public void init(FixedKeyProcessorContext<String, PublishedEvent> context) {
            this.context = context;
            this.seen = context.getStateStore(SEEN_EVENTS_STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, PublishedEvent> record) {
            PublishedEvent event = record.value();
            if (event == null || event.eventId() == null) {
                return;
            }
            // the record's time is when the publisher sent it; a resend is later than the original
            long sentAt = record.timestamp();
            // the fetch by epoch millis: the one by Instant formats an error message on every call
            try (WindowStoreIterator<Long> earlier = seen.fetch(event.eventId(), sentAt - RETENTION.toMillis(),
                    sentAt + RETENTION.toMillis())) {
                if (earlier.hasNext()) {
                    return;
                }
            }
            seen.put(event.eventId(), event.position(), sentAt);
            context.forward(record);
        }
    }
}
