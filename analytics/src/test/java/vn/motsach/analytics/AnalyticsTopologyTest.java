package vn.motsach.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.streams.EventSerde;
import vn.motsach.infra.kafka.EventEnvelopeCodec;

/** The families share one source and one deduplication, and the stores keep the names their state is kept under. */
class AnalyticsTopologyTest {

    final List<TopologyDescription.Node> nodes = nodes();

    @Test
    void everyFamilyReadsTheEventsFromOneSourceThroughOneDeduplication() {
        assertThat(nodes).filteredOn(node -> node instanceof TopologyDescription.Source source
                && source.topicSet() != null && source.topicSet().contains("events")).hasSize(1);
        assertThat(nodes).filteredOn(node -> node.name().equals("first-delivery-of-each-event")).hasSize(1);
    }

    @Test
    void theStoresKeepTheirNames() {
        assertThat(nodes.stream().filter(TopologyDescription.Processor.class::isInstance)
                .flatMap(node -> ((TopologyDescription.Processor) node).stores().stream()).distinct())
                .containsExactlyInAnyOrder("seen-event-ids", "school-authority", "schools-per-authority",
                        "authority-schools", "school-profiles", "class-profiles", "rosters", "student-months",
                        "class-months", "open-overdue-loans", "reading-event-dates", "library-periods",
                        "reading-events", "reading-targets");
    }

    private static List<TopologyDescription.Node> nodes() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return AnalyticsTopology.build("events", EventSerde.of(new EventEnvelopeCodec()), config).describe()
                .subtopologies().stream().flatMap(subtopology -> subtopology.nodes().stream()).toList();
    }
}
