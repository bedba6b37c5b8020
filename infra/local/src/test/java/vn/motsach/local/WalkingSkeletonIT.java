package vn.motsach.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.infra.background.BackgroundConnections;
import vn.motsach.infra.background.BackgroundThreads;
import vn.motsach.infra.kafka.KafkaSettings;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.Niceness;
import vn.motsach.testing.PublishedTopic;

/**
 * One school through every part of the system, over HTTP and the real PostgreSQL and Kafka:
 * command side, event store, query side with read-your-writes, publisher, Kafka Streams.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WalkingSkeletonIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaSettings kafka;

    @Autowired
    org.springframework.core.env.Environment environment;

    ApiClient api;

    @Test
    void aRegisteredSchoolFlowsThroughEveryComponent() {
        api = new ApiClient(port);

        ApiClient.Answer registered = api.put("/api/v1/schools/thcs-an-vinh",
                "{\"name\":\"THCS An Vĩnh\",\"educationLevels\":[\"LOWER_SECONDARY\"],\"authorityId\":\"xa-an-vinh\"}");
        assertThat(registered.status()).isEqualTo(201);
        long position = registered.eventPosition();
        assertThat(position).isPositive();

        // stored once, as JSON a person can read
        String payload = jdbc.sql("select payload from domainevententry where globalindex = ?").param(position)
                .query(String.class).single();
        assertThat(payload).contains("\"name\":\"THCS An Vĩnh\"", "\"authorityId\":\"xa-an-vinh\"");

        // the query side answers only once its projection has the event
        ApiClient.Answer school = api.get("/api/v1/schools/thcs-an-vinh", "X-Min-Event-Position", Long.toString(position));
        assertThat(school.status()).isEqualTo(200);
        assertThat(school.text("name")).isEqualTo("THCS An Vĩnh");
        assertThat(school.text("authorityId")).isEqualTo("xa-an-vinh");
        assertThat(school.json().path("educationLevels").get(0).asString()).isEqualTo("LOWER_SECONDARY");

        // the publisher relayed it to Kafka, keyed by school, in the envelope of the contract
        ConsumerRecord<String, String> record = consumeEventAt(position);
        assertThat(record.key()).isEqualTo("thcs-an-vinh");
        JsonNode envelope = JsonMapper.builder().build().readTree(record.value());
        assertThat(envelope.path("type").asString()).isEqualTo("SchoolRegistered");
        assertThat(envelope.path("revision").asString()).isEqualTo("1");
        assertThat(envelope.path("schoolId").asString()).isEqualTo("thcs-an-vinh");
        assertThat(envelope.path("eventId").asString()).isNotBlank();
        assertThat(envelope.path("occurredAt").asString()).isNotBlank();
        assertThat(envelope.path("payload").path("name").asString()).isEqualTo("THCS An Vĩnh");

        // and Kafka Streams counted it for its authority
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ApiClient.Answer authority = api.get("/api/v1/authorities/xa-an-vinh");
            assertThat(authority.status()).isEqualTo(200);
            assertThat(authority.json().path("schoolCount").asLong()).isEqualTo(1);
        });

        // the same details again change nothing and still say where the school's state is
        ApiClient.Answer again = api.put("/api/v1/schools/thcs-an-vinh",
                "{\"name\":\"THCS An Vĩnh\",\"educationLevels\":[\"LOWER_SECONDARY\"],\"authorityId\":\"xa-an-vinh\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.eventPosition()).isEqualTo(position);
    }

    @Test
    void badInputGetsAProblemDetailAndStoresNothing() {
        api = new ApiClient(port);
        long eventsBefore = eventCount();

        ApiClient.Answer malformed = api.put("/api/v1/schools/th-hong", "{\"name\":");
        ApiClient.Answer badId = api.put("/api/v1/schools/TH_Hong",
                "{\"name\":\"TH Hồng\",\"educationLevels\":[\"PRIMARY\"]}");
        ApiClient.Answer noName = api.put("/api/v1/schools/th-hong", "{\"educationLevels\":[\"PRIMARY\"]}",
                "Accept-Language", "en");
        ApiClient.Answer badLevel = api.put("/api/v1/schools/th-hong", "{\"name\":\"TH Hồng\",\"educationLevels\":[\"COLLEGE\"]}");

        for (ApiClient.Answer answer : List.of(malformed, badId, noName, badLevel)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.text("code")).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(malformed.json().path("errors").get(0).path("field").asString()).isEqualTo("body");
        assertThat(badId.json().path("errors").get(0).path("field").asString()).isEqualTo("schoolId");
        assertThat(badId.text("detail")).contains("không hợp lệ");
        assertThat(noName.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(noName.json().path("errors").get(0).path("message").asString()).isEqualTo("This field is required.");
        assertThat(badLevel.json().path("errors").get(0).path("field").asString()).isEqualTo("educationLevels");
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(api.get("/api/v1/schools/th-hong").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/schools/th-hong").text("code")).isEqualTo("SCHOOL_NOT_FOUND");
    }

    @Test
    void healthReportsEveryComponent() {
        api = new ApiClient(port);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode health = api.get("/actuator/health").json();
            assertThat(health.path("status").asString()).isEqualTo("UP");
            for (String component : List.of("db", "kafka", "kafkaStreams", "eventProcessors")) {
                assertThat(health.path("components").path(component).path("status").asString()).as(component).isEqualTo("UP");
            }
        });
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domainevententry").query(Long.class).single();
    }

    /** Processors, the event store's reader and Kafka Streams run below the requests' priority, so a desk is served first (Linux). */
    @Test
    void backgroundWorkRunsBelowTheRequests() {
        Path tasks = Path.of("/proc/self/task");
        Assumptions.assumeTrue(Files.isDirectory(tasks), "Linux only");
        new ApiClient(port).get("/api/v1/schools/none/titles");
        // a thread just started lowers itself a moment later
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, List<Integer>> niceness = byStartOfName(Niceness.ofThreads());
            assertThat(niceness.get("WorkPackage")).isNotEmpty().allMatch(nice -> nice >= 10);
            assertThat(niceness.get("Coordinator")).isNotEmpty().allMatch(nice -> nice >= 10);
            assertThat(niceness.get("EmbeddedEventSt")).isNotEmpty().allMatch(nice -> nice >= 10);
            // Kafka Streams' threads, named after the application id
            assertThat(niceness.get("motsach")).isNotEmpty().allMatch(nice -> nice >= 10);
            assertThat(niceness.get("http")).isNotEmpty().allMatch(nice -> nice == 0);
            // the JIT compilers (HotSpot's C2 at least), below the requests and above the processors
            assertThat(niceness.get("C2 CompilerThre")).isNotEmpty().allMatch(nice -> nice == 5);
            // the embedded broker's request handlers (none when the broker runs in a container)
            if (Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().startsWith("data-plane-kafka-request-handler"))) {
                assertThat(niceness.get("data")).isNotEmpty().allMatch(nice -> nice >= 10);
            }
        });
    }

    /** The PostgreSQL sessions of that work run below the requests' too: the embedded server runs here. */
    @Test
    void backgroundSessionsRunBelowTheRequests() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        Assumptions.assumeTrue(environment.getProperty("motsach.background.lower-database-sessions", Boolean.class, false),
                "PostgreSQL runs elsewhere (a container): its sessions are not this machine's processes");
        new ApiClient(port).get("/api/v1/schools/none/titles");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> sessions = jdbc.sql("""
                    select pid, application_name from pg_stat_activity
                    where datname = current_database() and backend_type = 'client backend'""").query().listOfRows();
            Map<String, List<Integer>> niceness = new TreeMap<>();
            for (Map<String, Object> session : sessions) {
                Niceness.ofProcess(((Number) session.get("pid")).longValue()).ifPresent(nice -> niceness
                        .computeIfAbsent(String.valueOf(session.get("application_name")), k -> new ArrayList<>()).add(nice));
            }
            String processors = BackgroundConnections.APPLICATION_NAME + BackgroundThreads.NICENESS;
            assertThat(niceness.get(processors)).as("the processors' sessions").isNotEmpty().allMatch(nice -> nice == BackgroundThreads.NICENESS);
            niceness.forEach((name, levels) -> {
                int expected = name.startsWith(BackgroundConnections.APPLICATION_NAME)
                        ? Integer.parseInt(name.substring(BackgroundConnections.APPLICATION_NAME.length())) : 0;
                assertThat(levels).as(name).allMatch(nice -> nice == expected);
            });
        });
    }

    /** Threads' niceness by the start of their names (up to a '-' or a '['). */
    private static Map<String, List<Integer>> byStartOfName(Map<String, List<Integer>> niceness) {
        Map<String, List<Integer>> byStart = new TreeMap<>();
        niceness.forEach((name, levels) -> byStart.computeIfAbsent(name.replaceAll("[\\[-].*", ""), k -> new ArrayList<>()).addAll(levels));
        return byStart;
    }

    private ConsumerRecord<String, String> consumeEventAt(long position) {
        return PublishedTopic.eventAt(kafka.bootstrapServers(), kafka.eventsTopic(), position);
    }
}
