package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DepartureReason;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.patron.PatronDetailsChanged;
import vn.motsach.events.patron.PatronLeft;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.patron.PatronRejoined;
import vn.motsach.query.QuerySideApplication;
import vn.motsach.testing.ApiClient;

/**
 * A projection that meets an event it cannot apply parks it, with the school's later events
 * behind it, and goes on with every other school; an administrator lists the parked events and
 * replays them once the cause is gone. The case: a departure in the year 9,999,999, which
 * PostgreSQL cannot store, stopped the patrons projection for every school, for good.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectionDeadLettersIT {

    private static final String MIN_POSITION = "X-Min-Event-Position";
    private static final PatronId AN = PatronId.of("hs-001");
    private static final PatronId BINH = PatronId.of("hs-002");

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    EventFeed feed;
    final List<SchoolId> schools = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        feed = new EventFeed(eventStore, transactions, jdbc);
    }

    /**
     * The events no projection can apply are taken out of the shared event store again, lest a
     * later test's rebuild of every projection meet them.
     */
    @AfterEach
    void forgetTheSchools() {
        jdbc.sql("drop trigger if exists refuse_departures_for_the_test on qs_patron_departure").update();
        for (SchoolId school : schools) {
            jdbc.sql("delete from deadletterentry where sequenceidentifier = ?").param(school.value()).update();
            jdbc.sql("delete from domainevententry where (payload::jsonb) ->> 'schoolId' = ?").param(school.value()).update();
        }
    }

    @Test
    void aDepartureInTheYear9999999IsParkedAndOtherSchoolsGoOn() {
        SchoolId poisoned = school();
        SchoolId other = school();
        feed.append(registered(poisoned, AN), registered(other, AN));
        long departure = feed.append(new PatronLeft(poisoned, AN, DepartureReason.TRANSFERRED, LocalDate.of(9_999_999, 1, 1)));
        long renamed = feed.append(new PatronDetailsChanged(poisoned, AN, "Nguyễn Văn Ân", PatronCategory.STUDENT));
        long otherLater = feed.append(registered(other, BINH));

        // the processor retries the failed batch once, in savepoints, and parks the event
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ApiClient.Answer otherSchool = api.get(base(other) + "/patrons/hs-002", MIN_POSITION, Long.toString(otherLater));
            assertThat(otherSchool.status()).as(otherSchool.body()).isEqualTo(200);
            assertThat(otherSchool.json().path("fullName").asString()).isEqualTo("Trần Thị Bình");
        });

        List<JsonNode> parked = awaitParked(poisoned, 2);
        assertThat(parked.get(0).path("position").asLong()).isEqualTo(departure);
        assertThat(parked.get(0).path("eventId").asString()).isNotBlank();
        assertThat(parked.get(0).path("deadLetteredAt").isNull()).isFalse();
        assertThat(parked.get(0).path("error").path("message").asString()).contains("date out of range");
        assertThat(parked.get(1).path("position").asLong()).isEqualTo(renamed);
        assertThat(parked.get(1).path("error").isNull()).as("waits behind the failed one").isTrue();

        ApiClient.Answer poisonedSchool = api.get(base(poisoned) + "/patrons/hs-001", MIN_POSITION, Long.toString(renamed));
        assertThat(poisonedSchool.status()).as("the school's own reads stay behind").isEqualTo(503);
        assertThat(poisonedSchool.json().path("code").asString()).isEqualTo("PROJECTION_BEHIND");

        ApiClient.Answer replay = api.post("/api/v1/admin/projections/patrons/dead-letters/" + poisoned.value() + "/replay", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().path("applied").asLong()).isZero();
        assertThat(replay.json().path("remaining").asLong()).isEqualTo(2);
        JsonNode stopped = replay.json().path("stopped").get(0);
        assertThat(stopped.path("position").asLong()).isEqualTo(departure);
        assertThat(stopped.path("lastTriedAt").isNull()).isFalse();
        assertThat(stopped.path("error").path("message").asString()).contains("date out of range");
    }

    @Test
    void aReplayAfterTheCauseIsGoneAppliesTheParkedEventsInOrder() {
        SchoolId school = school();
        jdbc.sql("""
                create or replace function refuse_departures_for_the_test() returns trigger language plpgsql as $$
                begin
                  if new.school_id = '%s' then raise exception 'refused by the test'; end if;
                  return new;
                end $$""".formatted(school.value())).update();
        jdbc.sql("""
                create trigger refuse_departures_for_the_test before insert on qs_patron_departure
                for each row execute function refuse_departures_for_the_test()""").update();
        feed.append(registered(school, AN));
        feed.append(new PatronLeft(school, AN, DepartureReason.TRANSFERRED, LocalDate.of(2026, 11, 1)));
        long rejoined = feed.append(new PatronRejoined(school, AN, LocalDate.of(2026, 12, 1)));

        List<JsonNode> parked = awaitParked(school, 2);
        assertThat(parked.get(0).path("error").path("message").asString()).contains("refused by the test");

        jdbc.sql("drop trigger refuse_departures_for_the_test on qs_patron_departure").update();
        ApiClient.Answer replay = api.post("/api/v1/admin/projections/dead-letters/replay", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().path("applied").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(replay.json().path("stopped").toString()).doesNotContain(school.value());
        assertThat(parked(school)).isEmpty();

        ApiClient.Answer patron = api.get(base(school) + "/patrons/hs-001", MIN_POSITION, Long.toString(rejoined));
        assertThat(patron.status()).as(patron.body()).isEqualTo(200);
        assertThat(patron.json().path("active").asBoolean()).isTrue();
        assertThat(jdbc.sql("select kind from qs_patron_departure where school_id = ? order by position")
                .param(school.value()).query(String.class).list()).containsExactly("LEFT", "REJOINED");
    }

    @Test
    void anEventThatBreaksAHandlerWithoutAFailedStatementIsParkedAtOnce() {
        SchoolId broken = school();
        SchoolId other = school();
        feed.append(new PatronRegistered(broken, AN, "Nguyễn Văn An", null, ClassId.of("6a1")));
        long otherLater = feed.append(registered(other, BINH));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get(base(other) + "/patrons/hs-002", MIN_POSITION, Long.toString(otherLater)).status()).isEqualTo(200));
        List<JsonNode> parked = awaitParked(broken, 1);
        assertThat(parked.get(0).path("error").path("type").asString()).contains("NullPointerException");
    }

    @Test
    void onlyTheSystemAdministratorSeesTheParkedEvents() {
        assertThat(api.as(null).get("/api/v1/admin/projections/dead-letters").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/projections/nothing/dead-letters/replay", "").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/projections/dead-letters?size=0").status()).isEqualTo(400);
    }

    private List<JsonNode> awaitParked(SchoolId school, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(school).size() >= count);
        return parked(school);
    }

    private List<JsonNode> parked(SchoolId school) {
        ApiClient.Answer answer = api.get("/api/v1/admin/projections/dead-letters?projection=patrons&schoolId=" + school.value());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        answer.json().path("items").forEach(items::add);
        assertThat(answer.json().path("totalItems").asLong()).isEqualTo(items.size());
        return items;
    }

    private SchoolId school() {
        SchoolId school = SchoolId.of("th-" + UUID.randomUUID().toString().substring(0, 8));
        schools.add(school);
        return school;
    }

    private static String base(SchoolId school) {
        return "/api/v1/schools/" + school.value();
    }

    private static PatronRegistered registered(SchoolId school, PatronId patron) {
        String name = patron.equals(AN) ? "Nguyễn Văn An" : "Trần Thị Bình";
        return new PatronRegistered(school, patron, name, PatronCategory.STUDENT, ClassId.of("6a1"));
    }
}
