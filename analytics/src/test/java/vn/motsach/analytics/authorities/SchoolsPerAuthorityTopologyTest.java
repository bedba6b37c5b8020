package vn.motsach.analytics.authorities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.streams.EventSerde;
import vn.motsach.analytics.streams.SchoolEvents;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.infra.kafka.EventEnvelopeCodec;

class SchoolsPerAuthorityTopologyTest {

    private static final String TOPIC = "events";
    private static final List<EducationLevel> PRIMARY = List.of(EducationLevel.PRIMARY);

    private TopologyTestDriver driver;
    private TestInputTopic<String, PublishedEvent> events;
    private KeyValueStore<String, Long> counts;
    private long position;

    @BeforeEach
    void setUp() {
        var serde = EventSerde.of(new EventEnvelopeCodec());
        StreamsBuilder builder = new StreamsBuilder();
        SchoolsPerAuthorityTopology.build(builder, SchoolEvents.deduplicated(builder, TOPIC, serde));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        driver = new TopologyTestDriver(builder.build(), config);
        events = driver.createInputTopic(TOPIC, new StringSerializer(), serde.serializer());
        counts = driver.getKeyValueStore(SchoolsPerAuthorityTopology.SCHOOLS_PER_AUTHORITY_STORE);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void countsTheSchoolsOfEachAuthority() {
        publish(registered("th-a", "so-quang-ngai"));
        publish(registered("th-b", "so-quang-ngai"));
        publish(registered("th-c", "xa-ly-son"));

        assertThat(counts.get("so-quang-ngai")).isEqualTo(2);
        assertThat(counts.get("xa-ly-son")).isEqualTo(1);
    }

    @Test
    void aSchoolThatChangesAuthorityMovesItsCount() {
        publish(registered("th-a", "phong-gddt-ly-son"));
        publish(new SchoolDetailsChanged(SchoolId.of("th-a"), "TH A", PRIMARY, AuthorityId.of("xa-ly-son")));

        assertThat(counts.get("phong-gddt-ly-son")).isZero();
        assertThat(counts.get("xa-ly-son")).isEqualTo(1);
    }

    @Test
    void aDuplicateEventCountsOnce() {
        PublishedEvent once = envelope(registered("th-a", "xa-ly-son"));
        events.pipeInput(once.schoolId().value(), once);
        events.pipeInput(once.schoolId().value(), once);

        assertThat(counts.get("xa-ly-son")).isEqualTo(1);
    }

    @Test
    void aSchoolWithoutAuthorityCountsNowhere() {
        publish(new SchoolRegistered(SchoolId.of("th-tu-thuc"), "TH Tư thục", PRIMARY, null));

        assertThat(counts.all()).toIterable().isEmpty();
    }

    private static SchoolRegistered registered(String school, String authority) {
        return new SchoolRegistered(SchoolId.of(school), "TH " + school, PRIMARY, AuthorityId.of(authority));
    }

    private void publish(SchoolEvent event) {
        PublishedEvent published = envelope(event);
        events.pipeInput(published.schoolId().value(), published);
    }

    private PublishedEvent envelope(SchoolEvent event) {
        position++;
        return new PublishedEvent("event-" + position, event.getClass().getSimpleName(), "1", event.schoolId(),
                Instant.parse("2026-09-05T01:00:00Z").plusSeconds(position), position, "test", event);
    }
}
