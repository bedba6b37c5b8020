package vn.motsach.analytics.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motsach.analytics.AnalyticsApplication;
import vn.motsach.analytics.EventFeed;
import vn.motsach.analytics.SchoolFixture;
import vn.motsach.infra.kafka.KafkaSettings;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.TestDirectories;

/**
 * Two analytics instances of one Streams application share the partitions; a request to either
 * answers for every school, the other's schools by forwarding, and the same for authorities.
 */
class TwoInstancesIT {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final int SCHOOLS = 8;

    final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void tearDown() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void eitherInstanceAnswersForEverySchool() throws IOException {
        String applicationId = "analytics-two-" + UUID.randomUUID();
        ApiClient first = new ApiClient(start(applicationId));
        ApiClient second = new ApiClient(start(applicationId));
        KafkaSettings kafka = instances.get(0).getBean(KafkaSettings.class);

        Instant nine = SchoolFixture.at(MONDAY, LocalTime.of(9, 0));
        try (EventFeed feed = new EventFeed(kafka.bootstrapServers(), kafka.eventsTopic())) {
            for (int i = 0; i < SCHOOLS; i++) {
                String school = "thcs-hai-" + i;
                feed.school(school, "so-hai", nine, "hs1", "hs2");
                for (int loan = 0; loan <= i; loan++) {
                    feed.loan(school, "hs1", nine.plusSeconds(loan));
                }
            }
        }

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (int i = 0; i < SCHOOLS; i++) {
                for (ApiClient api : List.of(first, second)) {
                    ApiClient.Answer answer = api.get("/api/v1/schools/thcs-hai-" + i + "/reading-metrics?period=WEEK&on=" + MONDAY);
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    assertThat(answer.json().path("loans").asLong()).isEqualTo(i + 1);
                }
            }
        });
        // an authority's list of schools crosses a repartition topic, so it is complete only
        // after the Streams commit that follows the schools' registration
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (ApiClient api : List.of(first, second)) {
                ApiClient.Answer authority = api.get("/api/v1/authorities/so-hai/reading-metrics?period=WEEK&on=" + MONDAY);
                assertThat(authority.status()).as(authority.body()).isEqualTo(200);
                assertThat(authority.json().path("loans").asLong()).isEqualTo(SCHOOLS * (SCHOOLS + 1) / 2);
                assertThat(authority.json().path("schools").size()).isEqualTo(SCHOOLS);
                assertThat(api.get("/api/v1/authorities/so-hai").json().path("schoolCount").asLong()).isEqualTo(SCHOOLS);
            }
        });
        // both instances hold some of the schools: the answers above crossed between them
        List<String> owners = new ArrayList<>();
        StreamsRunner runner = instances.get(0).getBean(StreamsRunner.class);
        for (int i = 0; i < SCHOOLS; i++) {
            owners.add(runner.ownerOf("school-profiles", "thcs-hai-" + i).activeHost().toString());
        }
        assertThat(owners.stream().distinct().count()).isEqualTo(2);
    }

    private int start(String applicationId) throws IOException {
        int port = freePort();
        // arguments, not default properties: they must win over the platform's default port
        instances.add(new SpringApplicationBuilder(AnalyticsApplication.class).run(
                "--server.port=" + port,
                "--motsach.analytics.streams.application-id=" + applicationId,
                "--motsach.analytics.streams.application-server=127.0.0.1:" + port,
                "--motsach.analytics.streams.threads=1",
                "--motsach.analytics.streams.state-directory=" + TestDirectories.create("analytics-instance-")));
        return port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
