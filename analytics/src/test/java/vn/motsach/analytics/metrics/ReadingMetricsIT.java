package vn.motsach.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motsach.analytics.AnalyticsApplication;
import vn.motsach.analytics.EventFeed;
import vn.motsach.analytics.SchoolFixture;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.authority.AuthorityKind;
import vn.motsach.infra.kafka.KafkaSettings;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.TestTokens;

/**
 * Analytics alone on the real Kafka, exactly_once_v2: events in on the topic (one of them
 * delivered twice), metrics out over HTTP, with problem details for what does not exist.
 */
@SpringBootTest(classes = AnalyticsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadingMetricsIT {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @LocalServerPort
    int port;

    @Autowired
    KafkaSettings kafka;

    @Test
    void eventsOnTheTopicBecomeMetricsOverHttpAndADuplicateCountsOnce() {
        ApiClient api = new ApiClient(port);
        Instant nine = SchoolFixture.at(MONDAY, LocalTime.of(9, 0));
        try (EventFeed feed = new EventFeed(kafka.bootstrapServers(), kafka.eventsTopic())) {
            feed.school("thcs-it-a", "so-it", nine, "hs1", "hs2", "hs3", "hs4");
            PublishedEvent loan = feed.loan("thcs-it-a", "hs1", nine);
            feed.loan("thcs-it-a", "hs2", nine.plusSeconds(60));
            feed.send(loan);
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            ApiClient.Answer school = api.get("/api/v1/schools/thcs-it-a/reading-metrics?period=WEEK&on=" + MONDAY);
            assertThat(school.status()).as(school.body()).isEqualTo(200);
            assertThat(school.json().path("loans").asLong()).isEqualTo(2);
        });
        ApiClient.Answer ofClass = api.get("/api/v1/schools/thcs-it-a/classes/6a1/reading-metrics?period=MONTH&on=" + MONDAY);
        assertThat(ofClass.status()).isEqualTo(200);
        assertThat(ofClass.json().path("activeReaders").asLong()).isEqualTo(2);
        assertThat(ofClass.json().path("enrolledStudents").asLong()).isEqualTo(4);
        assertThat(ofClass.json().path("activeReaderRate").asDouble()).isEqualTo(0.5);
        assertThat(ofClass.json().path("from").asString()).isEqualTo("2026-03-01");
        assertThat(ofClass.json().path("asOf").asString()).isNotBlank();
        // analytics alone has no query side to read names from, and takes none from the topic, even
        // from an event published before names left it
        assertThat(ofClass.json().path("students").get(0).path("patronId").asString()).isEqualTo("hs1");
        assertThat(ofClass.json().path("students").get(0).path("fullName").isNull()).isTrue();
        assertThat(ofClass.body()).doesNotContain("Học sinh");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ApiClient.Answer authority = api.get("/api/v1/authorities/so-it/reading-metrics?period=SEMESTER&on=" + MONDAY);
            assertThat(authority.status()).as(authority.body()).isEqualTo(200);
            assertThat(authority.json().path("loans").asLong()).isEqualTo(2);
            assertThat(authority.json().path("from").asString()).isEqualTo("2026-01-19");
            assertThat(authority.body()).doesNotContain("hs1", "Học sinh");
        });
    }

    /** Analytics alone, without a database, knows the tree from its topic: a province reaches its communes, a commune not its sibling. */
    @Test
    void anAuthorityReadsTheMetricsOfAnAuthorityBelowItAtAnyDepthAndNoOther() {
        ApiClient api = new ApiClient(port);
        Instant nine = SchoolFixture.at(MONDAY, LocalTime.of(9, 0));
        try (EventFeed feed = new EventFeed(kafka.bootstrapServers(), kafka.eventsTopic())) {
            feed.authority("so-cay", AuthorityKind.PROVINCE_DEPARTMENT, null);
            feed.authority("xa-cay-a", AuthorityKind.COMMUNE_OFFICE, "so-cay");
            feed.authority("xa-cay-b", AuthorityKind.COMMUNE_OFFICE, "so-cay");
            feed.school("thcs-cay-a", "xa-cay-a", nine, "hs1");
            feed.school("thcs-cay-b", "xa-cay-b", nine, "hs1");
            feed.loan("thcs-cay-a", "hs1", nine);
        }
        String week = "/reading-metrics?period=WEEK&on=" + MONDAY;
        ApiClient province = api.as(TestTokens.ofAuthority("so", "so-cay"));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            ApiClient.Answer ofProvince = province.get("/api/v1/authorities/so-cay" + week);
            assertThat(ofProvince.status()).as(ofProvince.body()).isEqualTo(200);
            assertThat(ofProvince.json().path("schools").size()).isEqualTo(2);
            assertThat(ofProvince.json().path("loans").asLong()).isEqualTo(1);
            assertThat(province.get("/api/v1/authorities/xa-cay-a" + week).status()).isEqualTo(200);
        });
        ApiClient commune = api.as(TestTokens.ofAuthority("xa", "xa-cay-a"));
        assertThat(commune.get("/api/v1/authorities/xa-cay-a" + week).json().path("loans").asLong()).isEqualTo(1);
        assertThat(commune.get("/api/v1/authorities/xa-cay-b" + week).status()).isEqualTo(404);
        assertThat(commune.get("/api/v1/authorities/so-cay" + week).status()).isEqualTo(404);
    }

    @Test
    void whatDoesNotExistIsAProblemInTheReadersLanguage() {
        ApiClient api = new ApiClient(port);
        // 503 with Retry-After while Streams starts, then the real answer
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(api.get("/api/v1/schools/khong-co/reading-metrics").status()).isNotEqualTo(503));
        ApiClient.Answer school = api.get("/api/v1/schools/khong-co/reading-metrics");
        assertThat(school.status()).isEqualTo(404);
        assertThat(school.text("code")).isEqualTo("SCHOOL_NOT_FOUND");
        ApiClient.Answer period = api.get("/api/v1/schools/khong-co/library-periods/not-a-uuid");
        assertThat(period.status()).isEqualTo(400);
        assertThat(period.text("code")).isEqualTo("VALIDATION_FAILED");
        ApiClient.Answer both = api.get("/api/v1/schools/KHONG-CO/library-periods/not-a-uuid");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().path("errors").size()).isEqualTo(2);
        assertThat(both.json().path("errors").get(0).path("field").asString()).isEqualTo("schoolId");
        assertThat(both.json().path("errors").get(1).path("field").asString()).isEqualTo("periodId");
        ApiClient.Answer event = api.get("/api/v1/schools/khong-co/reading-events/not-a-uuid/evaluation");
        assertThat(event.status()).isEqualTo(400);
        assertThat(event.json().path("errors").get(0).path("field").asString()).isEqualTo("eventId");
        ApiClient.Answer target = api.get("/api/v1/schools/khong-co/reading-targets/" + "t".repeat(33));
        assertThat(target.status()).isEqualTo(400);
        assertThat(target.json().path("errors").get(0).path("field").asString()).isEqualTo("targetId");
        ApiClient.Answer targets = api.get("/api/v1/schools/KHONG-CO/reading-targets");
        assertThat(targets.status()).isEqualTo(400);
        assertThat(targets.json().path("errors").get(0).path("field").asString()).isEqualTo("schoolId");
        ApiClient.Answer unknownEvent = api.get("/api/v1/schools/khong-co/reading-events/" + UUID.randomUUID() + "/evaluation");
        assertThat(unknownEvent.status()).isEqualTo(404);
        assertThat(unknownEvent.text("code")).isEqualTo("SCHOOL_NOT_FOUND");
        ApiClient.Answer badPeriod = api.get("/api/v1/schools/khong-co/reading-metrics?period=DECADE", "Accept-Language", "en");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.json().path("errors").get(0).path("field").asString()).isEqualTo("period");
        ApiClient.Answer authority = api.get("/api/v1/authorities/khong-co/reading-metrics", "Accept-Language", "en");
        assertThat(authority.status()).isEqualTo(404);
        assertThat(authority.text("detail")).isEqualTo("No school belongs to an authority with id khong-co.");
    }
}
