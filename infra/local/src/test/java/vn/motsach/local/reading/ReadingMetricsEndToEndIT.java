package vn.motsach.local.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.infra.kafka.KafkaSettings;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.PublishedTopic;

/**
 * Reading culture through the real stack: HTTP commands to the command side, the event store,
 * the publisher, Kafka, the Streams topologies, and the metrics back over HTTP. Same context
 * as the walking skeleton (one Streams member per broker), so it runs on the real clock: the
 * school year is laid out around today.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadingMetricsEndToEndIT {

    static final String SCHOOL = "thcs-doc-sach";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    KafkaSettings kafka;

    @Autowired
    JdbcClient jdbc;

    @Test
    void commandsInMetricsOut() {
        ApiClient api = new ApiClient(port);
        LocalDate today = LocalDate.now(clock);
        String year = LibraryFixture.schoolYearHolding(today);
        LibraryFixture school = LibraryFixture.lowerSecondaryThisYear(api, SCHOOL, "THCS Đọc Sách", "xa-doc-sach", today);
        for (String classId : new String[] {"6a1", "6a2"}) {
            school.expect(201, api.put(school.base() + "/classes/" + classId,
                    "{\"name\":\"" + classId.toUpperCase() + "\",\"grade\":6,\"schoolYear\":\"" + year + "\"}"));
        }
        long registered = school.expect(201, api.put(school.base() + "/patrons/hs-1",
                "{\"fullName\":\"Nguyễn Văn Một\",\"category\":\"STUDENT\",\"classId\":\"6a1\"}")).eventPosition();
        school.patron("hs-2", "Trần Thị Hai", "STUDENT", "6a1");
        school.patron("hs-3", "Lê Văn Ba", "STUDENT", "6a1");
        school.patron("hs-4", "Phạm Thị Bốn", "STUDENT", "6a1");
        school.patron("hs-5", "Hoàng Văn Năm", "STUDENT", "6a2");
        String title = school.title("Dế Mèn phiêu lưu ký");
        school.copy("b-1", title);
        school.copy("b-2", title);
        long loan = school.expect(201, school.checkOut("b-1", "hs-1")).eventPosition();
        school.expect(201, school.checkOut("b-2", "hs-2"));
        String startedAt = LibraryFixture.sessionBegunToday(clock, Duration.ofMinutes(50));
        school.expect(201, api.post(school.base() + "/reading-sessions",
                "{\"patronId\":\"hs-3\",\"startedAt\":\"" + startedAt + "\",\"minutes\":30,\"place\":\"HOME\"}"));
        school.expect(201, api.post(school.base() + "/reading-sessions",
                "{\"patronId\":\"hs-4\",\"startedAt\":\"" + startedAt + "\",\"minutes\":12,\"place\":\"CLASS_CORNER\"}"));
        String periodId = school.expect(201, api.post(school.base() + "/library-periods",
                "{\"classId\":\"6a1\",\"heldOn\":\"" + today + "\",\"activity\":\"FREE_READING\",\"attendeeIds\":[\"hs-1\",\"hs-4\"]}"))
                .text("periodId");
        String eventId = school.expect(201, api.post(school.base() + "/reading-events",
                "{\"name\":\"Ngày hội đọc sách\",\"kind\":\"READING_DAY\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today
                        + "\",\"classIds\":[\"6a1\"]}")).text("eventId");
        school.expect(200, api.post(school.base() + "/reading-events/" + eventId + "/participations", "{\"patronIds\":[\"hs-4\"]}"));
        school.expect(201, api.put(school.base() + "/reading-targets/doc-6a1", "{\"metric\":\"ACTIVE_READER_RATE\","
                + "\"scope\":\"CLASS\",\"scopeId\":\"6a1\",\"period\":\"WEEK\",\"threshold\":0.5}"));

        // the topic integrations read carries ids, class and category, never a name; the event store keeps it
        for (long position : new long[] {registered, loan}) {
            String published = PublishedTopic.eventAt(kafka.bootstrapServers(), kafka.eventsTopic(), position).value();
            JsonNode payload = JsonMapper.builder().build().readTree(published).path("payload");
            assertThat(payload.path("patronId").asString()).isEqualTo("hs-1");
            assertThat(payload.path("classId").asString()).isEqualTo("6a1");
            assertThat(payload.has("fullName")).isFalse();
            assertThat(published).doesNotContain("Nguyễn", "Một");
        }
        assertThat(jdbc.sql("select payload from domainevententry where globalindex = ?").param(registered)
                .query(String.class).single()).contains("Nguyễn Văn Một");

        String week = "?period=WEEK&on=" + today;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            ApiClient.Answer ofClass = api.get(school.base() + "/classes/6a1/reading-metrics" + week);
            assertThat(ofClass.status()).as(ofClass.body()).isEqualTo(200);
            JsonNode metrics = ofClass.json();
            assertThat(metrics.path("loans").asLong()).isEqualTo(2);
            assertThat(metrics.path("readingEventParticipants").asLong()).isEqualTo(1);
            assertThat(metrics.path("activeReaders").asLong()).isEqualTo(4);
            assertThat(metrics.path("enrolledStudents").asLong()).isEqualTo(4);
            assertThat(metrics.path("activeReaderRate").asDouble()).isEqualTo(1.0);
            // minutes the school saw, and those read at home apart
            assertThat(metrics.path("readingMinutes").asLong()).isEqualTo(12);
            assertThat(metrics.path("readingMinutesPerStudent").asDouble()).isEqualTo(3.0);
            assertThat(metrics.path("selfReportedReadingMinutes").asLong()).isEqualTo(30);
            assertThat(metrics.path("selfReportedReadingMinutesPerStudent").asDouble()).isEqualTo(7.5);
            assertThat(metrics.path("libraryPeriods").asLong()).isEqualTo(1);
            assertThat(metrics.path("libraryPeriodAttendanceRate").asDouble()).isEqualTo(0.5);
            assertThat(metrics.path("asOf").asString()).isNotBlank();
            assertThat(metrics.path("students").size()).isEqualTo(4);
            assertThat(metrics.toString()).doesNotContain("hs-5");
            // names, which the events topic does not carry, come from the query side's roster
            assertThat(metrics.path("students").get(0).path("patronId").asString()).isEqualTo("hs-1");
            assertThat(metrics.path("students").get(0).path("fullName").asString()).isEqualTo("Nguyễn Văn Một");
            assertThat(metrics.path("students").get(2).path("selfReportedReadingMinutes").asInt()).isEqualTo(30);
        });

        JsonNode ofSchool = api.get(school.base() + "/reading-metrics" + week).json();
        assertThat(ofSchool.path("loans").asLong()).isEqualTo(2);
        assertThat(ofSchool.path("enrolledStudents").asLong()).isEqualTo(5);
        assertThat(ofSchool.path("classes").size()).isEqualTo(2);
        assertThat(ofSchool.toString()).doesNotContain("hs-1", "Nguyễn");

        JsonNode period = api.get(school.base() + "/library-periods/" + periodId).json();
        assertThat(period.path("attendees").asInt()).isEqualTo(2);
        assertThat(period.path("attendanceRate").asDouble()).isEqualTo(0.5);
        assertThat(period.path("loansThatDay").asLong()).isEqualTo(1);

        JsonNode evaluation = api.get(school.base() + "/reading-events/" + eventId + "/evaluation").json();
        assertThat(evaluation.path("classes").get(0).path("participants").asInt()).isEqualTo(1);
        assertThat(evaluation.path("classes").get(0).path("participationRate").asDouble()).isEqualTo(0.25);
        assertThat(evaluation.path("classes").get(0).path("loansDuring").asInt()).isEqualTo(2);

        JsonNode target = api.get(school.base() + "/reading-targets").json().path("items").get(0);
        assertThat(target.path("targetId").asString()).isEqualTo("doc-6a1");
        assertThat(target.path("value").asDouble()).isEqualTo(1.0);
        assertThat(target.path("progress").asDouble()).isEqualTo(2.0);
        assertThat(target.path("onTrack").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ApiClient.Answer authority = api.get("/api/v1/authorities/xa-doc-sach/reading-metrics" + week);
            assertThat(authority.status()).as(authority.body()).isEqualTo(200);
            assertThat(authority.json().path("loans").asLong()).isEqualTo(2);
            assertThat(authority.json().path("schools").get(0).path("name").asString()).isEqualTo("THCS Đọc Sách");
            assertThat(authority.body()).doesNotContain("hs-", "Nguyễn", "6a1");
        });
    }
}
