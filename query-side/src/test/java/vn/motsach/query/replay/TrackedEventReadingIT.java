package vn.motsach.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.EventCatalogue;
import vn.motsach.events.SchoolId;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.infra.axon.EventStoreSettings;
import vn.motsach.testing.EventStores;
import vn.motsach.testing.ProjectionDatabase;

/**
 * The application's event store reads every tracked event as Axon's own JDBC engine does, on
 * one store on the real PostgreSQL: the same events, timestamps and tokens, holes before young
 * events remembered and holes before old ones given up, and a timestamp in a form other than
 * the one Axon writes read as Axon reads it.
 */
class TrackedEventReadingIT {

    private static final String SCHEMA = "tracked_event_reading_it";
    private static final EventStoreSettings SETTINGS = EventStoreSettings.defaults();

    private static JdbcClient jdbc;
    private static EventStorageEngine ours;
    private static EventStorageEngine axons;

    @BeforeAll
    static void store() throws IOException {
        DataSource dataSource = ProjectionDatabase.dataSource(SCHEMA);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
        jdbc.sql("create schema " + SCHEMA).update();
        // the platform's own tables, in a schema of this test's, so that its holes are its own
        jdbc.sql(new ClassPathResource("db/platform/V1__axon_event_store.sql").getContentAsString(StandardCharsets.UTF_8)).update();
        ours = EventStores.postgres(dataSource);
        // Axon's own engine, with the same settings
        axons = EventStores.builder(dataSource)
                .dataType(String.class)
                .batchSize(SETTINGS.batchSize())
                .gapTimeout(SETTINGS.gapTimeoutMillis())
                .maxGapOffset(SETTINGS.maxGapOffset())
                .build();

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant old = now.minus(Duration.ofHours(2));
        ours.appendEvents(event(1, old), event(2, old.plusMillis(1)));
        hole();
        ours.appendEvents(event(3, old.plusSeconds(1)));
        hole();
        hole();
        ours.appendEvents(event(4, now), event(5, now.plusMillis(7)));
        hole();
        ours.appendEvents(event(6, now.plusSeconds(1)));
        // a timestamp written by another tool, with an offset rather than Z
        jdbc.sql("""
                        insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                                                      payloadrevision, payloadtype, timestamp)
                        select 'reading-7', 0, type, 'event-7', metadata, payload, payloadrevision, payloadtype, :at
                        from domainevententry where eventidentifier = 'event-6'""")
                .param("at", now.plusSeconds(2).atOffset(java.time.ZoneOffset.ofHours(7)).toString())
                .update();
    }

    @Test
    void readsEveryEventAsAxonDoes() {
        List<? extends TrackedEventMessage<?>> read = read(ours);
        List<? extends TrackedEventMessage<?>> expected = read(axons);

        assertThat(read).hasSize(7).hasSameSizeAs(expected);
        for (int i = 0; i < read.size(); i++) {
            TrackedEventMessage<?> event = read.get(i);
            TrackedEventMessage<?> axon = expected.get(i);
            assertThat(event.getIdentifier()).isEqualTo(axon.getIdentifier());
            // a token's equality overlooks the gaps it was told to disregard: compare them too
            assertThat(event.trackingToken()).isEqualTo(axon.trackingToken());
            assertThat(gapsAt(read, i)).isEqualTo(gapsAt(expected, i));
            assertThat(event.getTimestamp()).isEqualTo(axon.getTimestamp());
            assertThat(event.getPayload()).isEqualTo(axon.getPayload());
            assertThat(event.getMetaData()).isEqualTo(axon.getMetaData());
        }
    }

    @Test
    void remembersHolesBeforeYoungEventsOnly() {
        List<? extends TrackedEventMessage<?>> read = read(ours);

        // the holes among the old events are given up as they are passed
        assertThat(gapsAt(read, 2)).isEmpty();
        GapAwareTrackingToken third = (GapAwareTrackingToken) read.get(2).trackingToken();
        assertThat(gapsAt(read, 3)).containsExactly(third.getIndex() + 1, third.getIndex() + 2);
        assertThat(gapsAt(read, 5)).hasSize(3);
        assertThat(read.get(6).getTimestamp()).isEqualTo(read.get(5).getTimestamp().plusSeconds(1));
    }

    @Test
    void aReadFromATokenGoesOnAsAxonsDoes() {
        TrackedEventMessage<?> fourth = read(axons).get(3);

        try (Stream<? extends TrackedEventMessage<?>> ourRest = ours.readEvents(fourth.trackingToken(), false);
                Stream<? extends TrackedEventMessage<?>> axonRest = axons.readEvents(fourth.trackingToken(), false)) {
            assertThat(ourRest.map(event -> ((GapAwareTrackingToken) event.trackingToken()).getGaps()).toList())
                    .hasSize(3)
                    .isEqualTo(axonRest.map(event -> ((GapAwareTrackingToken) event.trackingToken()).getGaps()).toList());
        }
    }

    private static List<Long> gapsAt(List<? extends TrackedEventMessage<?>> read, int index) {
        return List.copyOf(((GapAwareTrackingToken) read.get(index).trackingToken()).getGaps());
    }

    private static List<? extends TrackedEventMessage<?>> read(EventStorageEngine engine) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            return events.toList();
        }
    }

    /** A global index given out to a transaction that then rolled back. */
    private static void hole() {
        jdbc.sql("select nextval(pg_get_serial_sequence('domainevententry', 'globalindex'))").query(Long.class).single();
    }

    private static GenericDomainEventMessage<SchoolRegistered> event(int number, Instant at) {
        SchoolRegistered registered = new SchoolRegistered(SchoolId.of("reading-" + number), "Trường THCS Đọc Sách " + number,
                List.of(EducationLevel.LOWER_SECONDARY), null);
        return new GenericDomainEventMessage<>(EventCatalogue.nameOf(SchoolRegistered.class), "reading-" + number, 0, registered,
                Map.of("correlationId", "c-" + number), "event-" + number, at);
    }
}
