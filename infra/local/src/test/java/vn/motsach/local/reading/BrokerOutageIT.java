package vn.motsach.local.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import vn.motsach.embedded.EmbeddedStack;
import vn.motsach.local.LocalInstance;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestDirectories;

/**
 * The broker goes away while the library keeps lending: the desks are not held up, the metrics
 * fall behind, and once the broker is back every event counts exactly once (the publisher sends
 * again what it could not confirm; the Streams side drops what it has seen). The application
 * runs on an embedded stack of its own, so that stopping its broker touches no other test.
 */
class BrokerOutageIT {

    private static final String SCHOOL = "thcs-mat-dien";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void aBrokerOutageDelaysTheMetricsButLosesAndDoublesNothing() throws Exception {
        Path data = TestDirectories.create("outage-");
        try (ConfigurableApplicationContext app = LocalInstance.start(data)) {
            ApiClient api = new ApiClient(LocalInstance.port(app));
            LibraryFixture school = schoolWithOneClass(api);
            String title = school.title("Đất rừng phương Nam");
            for (String copy : new String[] {"c-1", "c-2", "c-3"}) {
                school.copy(copy, title);
            }
            school.expect(201, school.checkOut("c-1", "hs-1"));
            awaitClassMetrics(api, school, 1, 0, Duration.ofSeconds(60));

            try (EmbeddedStack.KafkaOutage outage = app.getBean(EmbeddedStack.class).stopKafka()) {
                school.expect(201, school.checkOut("c-2", "hs-2"));
                school.expect(200, school.checkIn("c-1"));
                school.expect(201, school.checkOut("c-3", "hs-1"));
                String startedAt = LibraryFixture.sessionBegunToday(Clock.system(VIETNAM), Duration.ofMinutes(40));
                school.expect(201, api.post(school.base() + "/reading-sessions",
                        "{\"patronId\":\"hs-3\",\"startedAt\":\"" + startedAt + "\",\"minutes\":25,\"place\":\"LIBRARY\"}"));
                // long enough for the publisher to fail and try again, and for Streams to miss the broker
                Thread.sleep(8_000);
                ApiClient.Answer meanwhile = api.get(school.base() + "/classes/7a1/reading-metrics?period=WEEK&on="
                        + LocalDate.now(VIETNAM));
                assertThat(meanwhile.status() != 200 || meanwhile.json().path("loans").asLong() == 1)
                        .as("metrics cannot move without the broker: " + meanwhile.body()).isTrue();
            }

            awaitClassMetrics(api, school, 3, 25, Duration.ofSeconds(120));
            // events sent again after the outage must not show up later as a second count
            Thread.sleep(5_000);
            awaitClassMetrics(api, school, 3, 25, Duration.ofSeconds(5));
        }
    }

    private static LibraryFixture schoolWithOneClass(ApiClient api) {
        LocalDate today = LocalDate.now(VIETNAM);
        LibraryFixture school = LibraryFixture.lowerSecondaryThisYear(api, SCHOOL, "THCS Mất Điện", "xa-mat-dien", today);
        school.expect(201, api.put(school.base() + "/classes/7a1",
                "{\"name\":\"7A1\",\"grade\":7,\"schoolYear\":\"" + LibraryFixture.schoolYearHolding(today) + "\"}"));
        school.patron("hs-1", "Võ Thị Sáu", "STUDENT", "7a1");
        school.patron("hs-2", "Đặng Văn Bảy", "STUDENT", "7a1");
        school.patron("hs-3", "Ngô Thị Tám", "STUDENT", "7a1");
        return school;
    }

    private static void awaitClassMetrics(ApiClient api, LibraryFixture school, long loans, long minutes, Duration patience) {
        String week = "?period=WEEK&on=" + LocalDate.now(VIETNAM);
        await().atMost(patience).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            ApiClient.Answer answer = api.get(school.base() + "/classes/7a1/reading-metrics" + week);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode metrics = answer.json();
            assertThat(metrics.path("loans").asLong()).as(answer.body()).isEqualTo(loans);
            assertThat(metrics.path("readingMinutes").asLong()).as(answer.body()).isEqualTo(minutes);
        });
    }
}
