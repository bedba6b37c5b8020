package vn.motsach.local.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.motsach.testing.LibraryFixture.refused;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestTokens;

/**
 * The meters an operator's Prometheus scrapes: never open (a system administrator or the scrape
 * token), and after a checkout and a refusal they count both, beside the processors', the
 * publisher's, Streams' and the imports' meters. Every log line of a request names its school
 * and its request id.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"motsach.metrics.scrape-token=" + PrometheusEndpointIT.SCRAPE_TOKEN,
                "logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class PrometheusEndpointIT {

    static final String SCRAPE_TOKEN = "scrape-token-of-the-province-prometheus-0123456789";
    private static final String SCHOOL = "th-do-dem";

    @LocalServerPort
    int port;

    @Test
    void onlyAnAdministratorOrTheScrapeTokenReadsTheMeters() {
        ApiClient admin = new ApiClient(port);
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.get("/actuator/health").status() == 200);
        assertThat(admin.as(null).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(admin.as("not-the-scrape-token-but-just-as-long-0123456789").get("/actuator/prometheus").status())
                .isEqualTo(401);
        assertThat(admin.as(TestTokens.ofSchool("thu-thu", "LIBRARIAN", SCHOOL)).get("/actuator/prometheus").status())
                .isEqualTo(403);
        assertThat(admin.as(TestTokens.ofSchool("hieu-truong", "SCHOOL_ADMIN", SCHOOL)).get("/actuator/prometheus").status())
                .isEqualTo(403);
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(admin.as(SCRAPE_TOKEN).get("/actuator/prometheus").status()).isEqualTo(200);
        // the scrape token opens the meters and nothing else
        assertThat(admin.as(SCRAPE_TOKEN).get("/actuator/metrics").status()).isIn(401, 403);
        assertThat(admin.as(SCRAPE_TOKEN).get("/api/v1/schools/" + SCHOOL + "/loans").status()).isIn(401, 403);
    }

    @Test
    void aCheckoutAndARefusalAreCounted(CapturedOutput output) {
        ApiClient api = new ApiClient(port);
        LibraryFixture school = LibraryFixture.primarySchool(api, SCHOOL);
        school.copy("DD-1", school.title("Đất rừng phương Nam"));
        school.expect(201, school.checkOut("DD-1", "hs-an"));
        ApiClient.Answer again = api.post(school.base() + "/checkouts", "{\"barcode\":\"DD-1\",\"patronId\":\"hs-binh\"}",
                "X-Request-Id", "prom-it-refusal-1");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        String code = again.text("code");
        refused(again, 409, code);
        assertThat(again.header("X-Request-Id")).hasValue("prom-it-refusal-1");
        assertThat(school.checkIn("DD-1").header("X-Request-Id")).as("an id of its own when the proxy gave none")
                .hasValueSatisfying(id -> assertThat(id).isNotBlank().isNotEqualTo("prom-it-refusal-1"));

        String meters = api.as(SCRAPE_TOKEN).get("/actuator/prometheus").body();
        assertThat(meters)
                .containsPattern("motsach_commands_seconds_count\\{[^}]*command=\"CheckOut[A-Za-z]*\"[^}]*outcome=\"accepted\"[^}]*} [1-9]")
                .containsPattern("motsach_commands_seconds_count\\{[^}]*command=\"CheckOut[A-Za-z]*\"[^}]*outcome=\"refused\"[^}]*} [1-9]")
                .containsPattern("motsach_refusals_total\\{[^}]*code=\"" + code + "\"[^}]*status=\"409\"[^}]*} [1-9]")
                .containsPattern("motsach_processor_lag_events\\{[^}]*processor=\"kafka-publisher\"")
                .containsPattern("motsach_processor_segments\\{[^}]*processor=\"kafka-publisher\"")
                .contains("motsach_streams_lag_events")
                .containsPattern("motsach_import_jobs\\{[^}]*status=\"RUNNING\"")
                .containsPattern("http_server_requests_seconds_count\\{");
        assertThat(output.getAll()).as("a log line of the refused request names its school and its id")
                .containsPattern("\\[" + SCHOOL + " prom-it-refusal-1\\].*DispatcherServlet");
    }
}
