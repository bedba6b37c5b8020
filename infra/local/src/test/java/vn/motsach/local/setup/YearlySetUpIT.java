package vn.motsach.local.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * The set-up a school does once a year, end to end on the local application: reading targets
 * read one by one and removed (analytics stops showing them), a class corrected (every side
 * shows the correction) and closed (no new member, no new library period).
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class YearlySetUpIT {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void aTargetIsReadOnItsOwnAndRemoved() {
        ApiClient api = new ApiClient(port);
        LocalDate today = LocalDate.now(clock);
        LibraryFixture school = LibraryFixture.lowerSecondaryThisYear(api, "thcs-muc-tieu", "THCS Mục Tiêu", "xa-muc-tieu", today);
        school.expect(201, api.put(school.base() + "/reading-targets/doc-nhieu", "{\"metric\":\"LOANS_PER_STUDENT\","
                + "\"scope\":\"SCHOOL\",\"period\":\"MONTH\",\"threshold\":2}"));
        school.expect(201, api.put(school.base() + "/reading-targets/doc-deu", "{\"metric\":\"ACTIVE_READER_RATE\","
                + "\"scope\":\"SCHOOL\",\"period\":\"WEEK\",\"threshold\":0.5}"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            ApiClient.Answer one = api.get(school.base() + "/reading-targets/doc-nhieu");
            assertThat(one.status()).as(one.body()).isEqualTo(200);
            assertThat(one.json().path("targetId").asString()).isEqualTo("doc-nhieu");
            assertThat(one.json().path("metric").asString()).isEqualTo("LOANS_PER_STUDENT");
            assertThat(one.json().path("period").asString()).isEqualTo("MONTH");
            assertThat(one.json().has("progress")).isTrue();
        });
        assertThat(targetIds(api.get(school.base() + "/reading-targets").json())).containsExactlyInAnyOrder("doc-nhieu", "doc-deu");

        ApiClient.Answer removed = api.delete(school.base() + "/reading-targets/doc-nhieu");
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        assertThat(removed.eventPosition()).isPositive();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            ApiClient.Answer one = api.get(school.base() + "/reading-targets/doc-nhieu");
            assertThat(one.status()).as(one.body()).isEqualTo(404);
            assertThat(one.text("code")).isEqualTo("READING_TARGET_NOT_FOUND");
            assertThat(targetIds(api.get(school.base() + "/reading-targets").json())).containsExactly("doc-deu");
        });
        LibraryFixture.refused(api.delete(school.base() + "/reading-targets/doc-nhieu"), 404, "READING_TARGET_NOT_FOUND");
        LibraryFixture.refused(api.delete(school.base() + "/reading-targets/khong-co"), 404, "READING_TARGET_NOT_FOUND");
        LibraryFixture.refused(api.delete(school.base() + "/reading-targets/kh%C3%B4ng"), 400, "VALIDATION_FAILED");

        // set again, it is followed afresh
        school.expect(201, api.put(school.base() + "/reading-targets/doc-nhieu", "{\"metric\":\"LOANS_PER_STUDENT\","
                + "\"scope\":\"SCHOOL\",\"period\":\"MONTH\",\"threshold\":3}"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(api.get(school.base() + "/reading-targets/doc-nhieu").json().path("threshold").asDouble()).isEqualTo(3));
    }

    @Test
    void aCorrectedClassShowsItsCorrectionEverywhereAndAClosedOneTakesNoOneNew() {
        ApiClient api = new ApiClient(port);
        LocalDate today = LocalDate.now(clock);
        String year = LibraryFixture.schoolYearHolding(today);
        LibraryFixture school = LibraryFixture.lowerSecondaryThisYear(api, "thcs-lop-hoc", "THCS Lớp Học", "xa-lop-hoc", today);
        school.patron("gv-01", "Đỗ Thu Hà", "TEACHER", null);
        school.patron("gv-02", "Phan Văn Tài", "TEACHER", null);
        for (String classId : new String[] {"6a1", "6a2"}) {
            school.expect(201, api.put(school.base() + "/classes/" + classId, "{\"name\":\"" + classId.toUpperCase()
                    + "\",\"grade\":6,\"schoolYear\":\"" + year + "\",\"homeroomTeacherId\":\"gv-01\"}"));
        }
        school.patron("hs-1", "Nguyễn Văn Một", "STUDENT", "6a1");
        school.patron("hs-2", "Trần Thị Hai", "STUDENT", "6a2");

        ApiClient.Answer corrected = school.expect(200, api.put(school.base() + "/classes/6a1",
                "{\"name\":\"6A1 Chất lượng cao\",\"grade\":7,\"schoolYear\":\"" + year + "\",\"homeroomTeacherId\":\"gv-02\"}"));
        String position = Long.toString(corrected.eventPosition());
        JsonNode view = api.get(school.base() + "/classes/6a1", "X-Min-Event-Position", position).json();
        assertThat(view.path("name").asString()).isEqualTo("6A1 Chất lượng cao");
        assertThat(view.path("grade").asInt()).isEqualTo(7);
        assertThat(view.path("homeroomTeacherId").asString()).isEqualTo("gv-02");
        assertThat(view.path("roster").get(0).path("patronId").asString()).isEqualTo("hs-1");
        JsonNode listed = api.get(school.base() + "/classes?schoolYear=" + year, "X-Min-Event-Position", position).json();
        assertThat(listed.path("items").get(1).path("classId").asString()).isEqualTo("6a1");
        assertThat(listed.path("items").get(1).path("name").asString()).isEqualTo("6A1 Chất lượng cao");
        assertThat(listed.path("items").get(1).path("enrolled").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            ApiClient.Answer metrics = api.get(school.base() + "/reading-metrics?period=WEEK&on=" + today);
            assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
            List<String> names = new ArrayList<>();
            metrics.json().path("classes").forEach(c -> names.add(c.path("classId").asString() + ":" + c.path("name").asString()));
            assertThat(names).contains("6a1:6A1 Chất lượng cao");
        });

        ApiClient.Answer closed = school.expect(200, api.post(school.base() + "/classes/6a2/closing", "{}"));
        assertThat(closed.text("closedOn")).isEqualTo(today.toString());
        assertThat(school.expect(200, api.post(school.base() + "/classes/6a2/closing", "{\"closedOn\":\"" + today.minusDays(1)
                + "\"}")).text("closedOn")).isEqualTo(today.toString());
        JsonNode closedView = api.get(school.base() + "/classes/6a2", "X-Min-Event-Position",
                Long.toString(closed.eventPosition())).json();
        assertThat(closedView.path("closedOn").asString()).isEqualTo(today.toString());
        assertThat(closedView.path("roster").size()).isEqualTo(1);

        LibraryFixture.refused(api.put(school.base() + "/patrons/hs-3", "{\"fullName\":\"Lê Văn Ba\",\"category\":\"STUDENT\","
                + "\"classId\":\"6a2\"}"), 409, "CLASS_CLOSED");
        LibraryFixture.refused(api.post(school.base() + "/patrons/hs-1/class-moves", "{\"toClassId\":\"6a2\",\"effectiveOn\":\""
                + today + "\"}"), 409, "CLASS_CLOSED");
        LibraryFixture.refused(api.post(school.base() + "/library-periods", "{\"classId\":\"6a2\",\"heldOn\":\"" + today
                + "\",\"activity\":\"FREE_READING\",\"attendeeIds\":[\"hs-2\"]}"), 409, "CLASS_CLOSED");
        // a student already in the class keeps their place, and the class can still be corrected
        school.expect(200, api.put(school.base() + "/patrons/hs-2", "{\"fullName\":\"Trần Thị Hai Hà\",\"category\":\"STUDENT\","
                + "\"classId\":\"6a2\"}"));
        ApiClient.Answer renamed = school.expect(200, api.put(school.base() + "/classes/6a2",
                "{\"name\":\"6A2 cũ\",\"grade\":6,\"schoolYear\":\"" + year + "\"}"));
        JsonNode stillClosed = api.get(school.base() + "/classes/6a2", "X-Min-Event-Position",
                Long.toString(renamed.eventPosition())).json();
        assertThat(stillClosed.path("name").asString()).isEqualTo("6A2 cũ");
        assertThat(stillClosed.path("closedOn").asString()).isEqualTo(today.toString());

        LibraryFixture.refused(api.post(school.base() + "/classes/khong-co/closing", "{}"), 404, "CLASS_NOT_FOUND");
        LibraryFixture.refused(api.post(school.base() + "/classes/6a1/closing", "{\"closedOn\":\"" + today.plusDays(1) + "\"}"),
                400, "VALIDATION_FAILED");
        LibraryFixture.refused(api.post(school.base() + "/classes/6a1/closing", "{\"closedOn\":\"1999-12-31\"}"),
                400, "VALIDATION_FAILED");
        assertThat(api.get(school.base() + "/classes/6a1").json().path("closedOn").isNull()).isTrue();
    }

    static List<String> targetIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("items").forEach(item -> ids.add(item.path("targetId").asString()));
        return ids;
    }
}
