package vn.motsach.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.testing.LibraryFixture.refused;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.testing.ApiClient;

/**
 * A command not let in before the executor's patience runs out is answered 503
 * {@code COMMANDS_BUSY} with a {@code Retry-After}, with or without an idempotency key. No
 * command is ever let in here: the executor has no turn to give.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"motsach.command.concurrency=0", "motsach.command.admission-patience=10ms",
                "motsach.circulation.sweep-interval=1h"})
class CommandsBusyIT {

    @LocalServerPort
    int port;

    @Test
    void aCommandThatGetsNoTurnIsToldToTryAgain() {
        ApiClient api = new ApiClient(port);

        ApiClient.Answer school = api.put("/api/v1/schools/th-busy", "{\"name\":\"Trường Tiểu học Bận\",\"educationLevels\":[\"PRIMARY\"]}");
        ApiClient.Answer checkout = api.post("/api/v1/schools/th-busy/checkouts", "{\"barcode\":\"LH-1\",\"patronId\":\"hs-an\"}",
                "Idempotency-Key", "desk-1-busy");

        for (ApiClient.Answer busy : new ApiClient.Answer[] {school, checkout}) {
            refused(busy, 503, "COMMANDS_BUSY");
            assertThat(busy.header("Retry-After")).hasValue("1");
        }
    }
}
