package vn.motsach.local.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.TestTokens;

/**
 * Health tells anyone whether the system is up, and only the system administrator why: its
 * details name the data directory, Kafka's cluster, the event counts and the processors.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthDetailsIT {

    @LocalServerPort
    int port;

    @Test
    void anyoneElseGetsTheStatusOnly() {
        ApiClient admin = new ApiClient(port);
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.get("/actuator/health").status() == 200);
        for (ApiClient caller : List.of(admin.as(null), admin.as(TestTokens.ofSchool("thu-thu", "LIBRARIAN", "th-an-binh")),
                admin.as(TestTokens.ofSchool("hieu-truong", "SCHOOL_ADMIN", "th-an-binh")))) {
            ApiClient.Answer health = caller.get("/actuator/health");
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(fields(health.json())).as(health.body()).contains("status").doesNotContain("components", "details");
            assertThat(health.text("status")).isEqualTo("UP");
            assertThat(caller.get("/actuator/health/db").status()).as("a component by its path").isIn(401, 403, 404);
        }
    }

    @Test
    void theSystemAdministratorGetsEveryComponentWithItsDetails() {
        ApiClient admin = new ApiClient(port);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode health = admin.get("/actuator/health").json();
            assertThat(health.path("status").asString()).isEqualTo("UP");
            JsonNode components = health.path("components");
            for (String component : List.of("db", "kafka", "eventProcessors", "projections", "kafkaStreams", "diskSpace")) {
                assertThat(components.has(component)).as(component).isTrue();
            }
            assertThat(components.path("diskSpace").path("details").has("path")).isTrue();
            assertThat(components.path("eventProcessors").path("details").has("patrons")).isTrue();
        });
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
