package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DepartureReason;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.patron.PatronLeft;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.query.QuerySideApplication;
import vn.motsach.testing.ApiClient;

/**
 * A processor that retries a batch for ever is reported down with the reason, by the processors'
 * and the projections' health components, and up again once it moves. The stall is made by
 * refusing both the projection's write and the dead-letter queue's, as a broken database would.
 * Its own context, with a short patience, is closed after it.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motsach.event-processors.stall-after=3s")
@DirtiesContext
class StalledProjectionHealthIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    final SchoolId school = SchoolId.of("th-" + UUID.randomUUID().toString().substring(0, 8));

    @AfterEach
    void forgetTheSchool() {
        dropTriggers();
        jdbc.sql("delete from deadletterentry where sequenceidentifier = ?").param(school.value()).update();
        jdbc.sql("delete from domainevententry where (payload::jsonb) ->> 'schoolId' = ?").param(school.value()).update();
    }

    @Test
    void aProcessorRetryingForEverIsDownWithTheReasonAndUpOnceItMoves() {
        ApiClient api = new ApiClient(port);
        EventFeed feed = new EventFeed(eventStore, transactions, jdbc);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/actuator/health").status() == 200);
        jdbc.sql("""
                create or replace function refuse_for_the_stall_test() returns trigger language plpgsql as $$
                begin
                  raise exception 'refused by the stall test';
                end $$""").update();
        for (String table : new String[] {"qs_patron_departure", "deadletterentry"}) {
            jdbc.sql("create trigger refuse_for_the_stall_test before insert on " + table
                    + " for each row execute function refuse_for_the_stall_test()").update();
        }
        feed.append(new PatronRegistered(school, PatronId.of("hs-001"), "Nguyễn Văn An", PatronCategory.STUDENT,
                ClassId.of("6a1")));
        feed.append(new PatronLeft(school, PatronId.of("hs-001"), DepartureReason.TRANSFERRED, LocalDate.of(2026, 11, 1)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ApiClient.Answer health = api.get("/actuator/health");
            assertThat(health.status()).as(health.body()).isEqualTo(503);
            JsonNode components = health.json().path("components");
            assertThat(components.path("eventProcessors").path("status").asString()).isEqualTo("DOWN");
            assertThat(components.path("eventProcessors").path("details").path("patrons").path("reason").asString())
                    .contains("stalled");
            assertThat(components.path("projections").path("status").asString()).isEqualTo("DOWN");
            assertThat(components.path("projections").path("details").path("projections").path("patrons").path("reason")
                    .asString()).contains("stalled");
            assertThat(components.path("eventProcessors").path("details").path("catalogue").has("reason")).isFalse();
        });

        dropTriggers();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            ApiClient.Answer health = api.get("/actuator/health");
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(health.json().path("components").path("projections").path("details").has("deadLetters")).isTrue();
        });
    }

    private void dropTriggers() {
        jdbc.sql("drop trigger if exists refuse_for_the_stall_test on qs_patron_departure").update();
        jdbc.sql("drop trigger if exists refuse_for_the_stall_test on deadletterentry").update();
    }
}
