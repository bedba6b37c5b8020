package vn.motsach.analytics.streams;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import vn.motsach.events.PublishedEvent;

/** One metric family's topology, added to the one Streams application analytics runs. */
@FunctionalInterface
public interface TopologyPart {

    void build(StreamsBuilder builder, String eventsTopic, Serde<PublishedEvent> events);
}
