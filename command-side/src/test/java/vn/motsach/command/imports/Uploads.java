package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import vn.motsach.testing.ApiClient;

/** Files sent to a school's imports route, and files fetched, by a system administrator. */
final class Uploads {

    private Uploads() {
    }

    static ApiClient.Answer upload(int port, String school, String fileName, byte[] file, Map<String, String> fields,
            String... headers) {
        return new ApiClient(port).upload("/api/v1/schools/" + school + "/imports", fileName, file, fields, headers);
    }

    /** Waits for the job {@code accepted} started to finish, however it ended; its last answer. */
    static ApiClient.Answer finished(ApiClient api, ApiClient.Answer accepted) {
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String location = accepted.header("Location").orElseThrow();
        ApiClient.Answer[] last = new ApiClient.Answer[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = api.get(location);
            return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(last[0].text("status"));
        });
        return last[0];
    }

    static ApiClient.Download download(int port, String path) {
        return new ApiClient(port).download(path);
    }
}
