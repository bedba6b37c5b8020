package vn.motsach.analytics.streams;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import vn.motsach.events.PublishedEvent;

/**
 * One metric family's part of the one Streams application analytics runs: its stores and the
 * processors that fill them from the school events, each event once ({@link SchoolEvents}).
 */
@FunctionalInterface
public interface TopologyPart {

    void build(StreamsBuilder builder, KStream<String, PublishedEvent> schoolEvents);
}
