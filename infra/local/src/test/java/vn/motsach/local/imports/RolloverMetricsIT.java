package vn.motsach.local.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
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
 * The year's rollover through the whole stack: a class's metrics of the old year are what they
 * were before it, while its students count in their new class in the new year.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RolloverMetricsIT {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void theOldYearsMetricsStayAsTheyWereAndTheStudentsCountInTheirNewClass() {
        ApiClient api = new ApiClient(port);
        LocalDate today = LocalDate.now(clock);
        String year = LibraryFixture.schoolYearHolding(today);
        int first = Integer.parseInt(year.substring(0, 4));
        String next = (first + 1) + "-" + (first + 2);
        LibraryFixture school = LibraryFixture.lowerSecondaryThisYear(api, "thcs-len-lop", "THCS Lên Lớp", "xa-len-lop", today);
        school.expect(201, api.put(school.base() + "/classes/6a1", "{\"name\":\"6A1\",\"grade\":6,\"schoolYear\":\"" + year + "\"}"));
        school.expect(201, api.put(school.base() + "/classes/9a1", "{\"name\":\"9A1\",\"grade\":9,\"schoolYear\":\"" + year + "\"}"));
        school.patron("hs-1", "Nguyễn Văn Một", "STUDENT", "6a1");
        school.patron("hs-2", "Trần Thị Hai", "STUDENT", "6a1");
        school.patron("hs-9", "Lê Văn Chín", "STUDENT", "9a1");
        String title = school.title("Dế Mèn phiêu lưu ký");
        school.copy("ll-1", title);
        school.copy("ll-2", title);
        school.expect(201, school.checkOut("ll-1", "hs-1"));
        school.expect(201, school.checkOut("ll-2", "hs-9"));
        String oldYear = "?period=SCHOOL_YEAR&on=" + today;
        JsonNode[] before = new JsonNode[2];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            before[0] = metrics(api, school.base() + "/classes/6a1/reading-metrics" + oldYear);
            before[1] = metrics(api, school.base() + "/classes/9a1/reading-metrics" + oldYear);
            assertThat(before[0].path("loans").asLong()).isEqualTo(1);
            assertThat(before[0].path("enrolledStudents").asLong()).isEqualTo(2);
            assertThat(before[1].path("loans").asLong()).isEqualTo(1);
        });
        LocalDate nextStarts = LocalDate.of(first + 1, 8, 1);
        school.expect(201, school.scheduleYearHolding(nextStarts));

        ApiClient.Answer accepted = api.post(school.base() + "/school-years/" + next + "/rollover", """
                {"fromSchoolYear":"%s","graduatingGrades":[9],
                 "classes":[{"fromClassId":"6a1","toClassId":"7a1-%d","name":"7A1","grade":7}]}""".formatted(year, first + 1));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "SUCCEEDED".equals(api.get(accepted.header("Location").orElseThrow()).text("status")));

        String newYear = "?period=SCHOOL_YEAR&on=" + nextStarts.plusDays(7);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode moved = metrics(api, school.base() + "/classes/7a1-" + (first + 1) + "/reading-metrics" + newYear);
            assertThat(moved.path("enrolledStudents").asLong()).isEqualTo(2);
            assertThat(moved.path("students").findValuesAsString("patronId")).containsExactlyInAnyOrder("hs-1", "hs-2");
        });
        JsonNode after6a1 = metrics(api, school.base() + "/classes/6a1/reading-metrics" + oldYear);
        JsonNode after9a1 = metrics(api, school.base() + "/classes/9a1/reading-metrics" + oldYear);
        for (String metric : List.of("loans", "enrolledStudents", "activeReaders", "students")) {
            assertThat(after6a1.path(metric)).as("6A1 " + metric).isEqualTo(before[0].path(metric));
            assertThat(after9a1.path(metric)).as("9A1 " + metric).isEqualTo(before[1].path(metric));
        }
    }

    private static JsonNode metrics(ApiClient api, String path) {
        ApiClient.Answer answer = api.get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
