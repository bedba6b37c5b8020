package vn.motsach.analytics;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import vn.motsach.analytics.authorities.SchoolsPerAuthorityTopology;
import vn.motsach.analytics.authorities.SupervisionTopology;
import vn.motsach.analytics.events.ReadingEventsTopology;
import vn.motsach.analytics.periods.LibraryPeriodsTopology;
import vn.motsach.analytics.readers.ReaderActivityTopology;
import vn.motsach.analytics.roster.RosterTopology;
import vn.motsach.analytics.streams.SchoolEvents;
import vn.motsach.analytics.streams.TopologyPart;
import vn.motsach.analytics.targets.ReadingTargetsTopology;
import vn.motsach.events.PublishedEvent;
import vn.motsach.infra.kafka.KafkaTopics;

/**
 * The one Streams topology analytics runs: the school events, deduplicated once, handed to
 * every metric family. A new family is added here and nowhere else.
 */
public final class AnalyticsTopology {

    static final List<TopologyPart> FAMILIES = List.of(
            SchoolsPerAuthorityTopology::build,
            RosterTopology::build,
            ReaderActivityTopology::build,
            LibraryPeriodsTopology::build,
            ReadingEventsTopology::build,
            ReadingTargetsTopology::build);

    private AnalyticsTopology() {
    }

    /** Every family on the events of {@code eventsTopic}; {@code config} is what the application runs with. */
    public static Topology build(String eventsTopic, Serde<PublishedEvent> events, Properties config) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, PublishedEvent> schoolEvents = SchoolEvents.deduplicated(builder, eventsTopic, events);
        FAMILIES.forEach(family -> family.build(builder, schoolEvents));
        SupervisionTopology.build(builder, schoolEvents, KafkaTopics.authorityTreeTopic(eventsTopic),
                KafkaTopics.schoolSupervisionTopic(eventsTopic));
        return builder.build(config);
    }
}
