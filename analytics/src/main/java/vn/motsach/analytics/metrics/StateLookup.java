package vn.motsach.analytics.metrics;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The state stores answers are read from: the running Streams app's, or a test driver's. */
@FunctionalInterface
public interface StateLookup {

    <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name);
}
