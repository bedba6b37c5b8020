package vn.motsach.analytics.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.SchoolEvent;

/**
 * A store of the latest record of each thing a school keeps (a library period, a reading
 * target, a reading event), keyed by school and the thing's id. Each event type says which
 * thing it is about and what its record becomes; a record that becomes {@code null} is
 * deleted. Every update sets state rather than adding to it, so an event applied twice
 * changes nothing.
 *
 * @param <V> the record kept per id
 */
public final class LatestById<V> {

    /** What an event makes of the current record ({@code null} when there is none yet). */
    @FunctionalInterface
    public interface Change<E, V> {

        V apply(E event, V current, PublishedEvent envelope);
    }

    private final String store;
    private final Serde<V> values;
    private final Map<Class<?>, Handler<?, V>> handlers = new HashMap<>();

    private LatestById(String store, Serde<V> values) {
        this.store = store;
        this.values = values;
    }

    /** Records of {@code type} in the store named {@code store}, as JSON. */
    public static <V> LatestById<V> in(String store, Class<V> type) {
        return new LatestById<>(store, JsonSerde.of(type));
    }

    /** Events of {@code type} change the record of the thing {@code id} names, as {@code change} says. */
    public <E extends SchoolEvent> LatestById<V> on(Class<E> type, Function<E, Object> id, Change<E, V> change) {
        if (handlers.putIfAbsent(type, new Handler<>(type, id, change)) != null) {
            throw new IllegalStateException("Two changes for " + type.getSimpleName());
        }
        return this;
    }

    /** Adds the store and its processor, named {@code processor}, fed by the school events. */
    public void build(StreamsBuilder builder, KStream<String, PublishedEvent> schoolEvents, String processor) {
        StoreKeys.addStore(builder, store, values);
        Map<Class<?>, Handler<?, V>> byType = Map.copyOf(handlers);
        schoolEvents.process(() -> new Records<>(store, byType), Named.as(processor), store);
    }

    private record Handler<E extends SchoolEvent, V>(Class<E> type, Function<E, Object> id, Change<E, V> change) {

        void applyTo(KeyValueStore<String, V> records, Object payload, PublishedEvent envelope) {
            E event = type.cast(payload);
            String key = StoreKeys.of(event.schoolId(), id.apply(event));
            V current = records.get(key);
            V updated = change.apply(event, current, envelope);
            if (updated != null) {
                records.put(key, updated);
            } else if (current != null) {
                records.delete(key);
            }
        }
    }

    private static final class Records<V> implements Processor<String, PublishedEvent, Void, Void> {

        private final String store;
        private final Map<Class<?>, Handler<?, V>> handlers;
        private KeyValueStore<String, V> records;

        Records(String store, Map<Class<?>, Handler<?, V>> handlers) {
            this.store = store;
            this.handlers = handlers;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            records = context.getStateStore(store);
        }

        @Override
        public void process(Record<String, PublishedEvent> record) {
            Handler<?, V> handler = handlers.get(record.value().payload().getClass());
            if (handler != null) {
                handler.applyTo(records, record.value().payload(), record.value());
            }
        }
    }
}
