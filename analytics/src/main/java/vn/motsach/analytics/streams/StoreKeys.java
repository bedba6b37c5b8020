package vn.motsach.analytics.streams;

import java.util.StringJoiner;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Keys of the school-keyed stores: parts joined by {@code |}, the school first. A school's
 * rows are then one prefix scan, and they live in the partition of the school's events. Ids
 * never contain {@code |} (schools, classes and patrons are letters, digits and {@code -_./}).
 */
public final class StoreKeys {

    private StoreKeys() {
    }

    public static String of(Object... parts) {
        StringJoiner key = new StringJoiner("|");
        for (Object part : parts) {
            key.add(String.valueOf(part));
        }
        return key.toString();
    }

    /** The prefix of every key that starts with these parts. */
    public static String prefix(Object... parts) {
        return of(parts) + "|";
    }

    /** The first part of a key. */
    public static String first(String key) {
        return key.substring(0, key.indexOf('|'));
    }

    /** The last part of a key. */
    public static String last(String key) {
        return key.substring(key.lastIndexOf('|') + 1);
    }

    /** Adds a persistent key-value store with string keys and JSON values of {@code type}. */
    public static <T> void addJsonStore(StreamsBuilder builder, String name, Class<T> type) {
        addStore(builder, name, JsonSerde.of(type));
    }

    /**
     * Adds a persistent key-value store with string keys. Cached: a value updated many times
     * between two commits reaches RocksDB and the changelog once, while interactive queries
     * read through the cache and see every update at once.
     */
    public static <T> void addStore(StreamsBuilder builder, String name, Serde<T> values) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingEnabled());
    }
}
