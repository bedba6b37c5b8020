package vn.motsach.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.TestDirectories;

/**
 * The newcomer's path: the local all-in-one starts its own embedded PostgreSQL and Kafka in a
 * data directory, and a second start on the same directory still has the school.
 */
class LocalRestartIT {

    @Test
    void aSecondStartKeepsTheData() throws Exception {
        Path data = TestDirectories.create("local-restart-");
        long position;
        try (ConfigurableApplicationContext first = start(data)) {
            // the newcomer's path: the first start's administrator signs in with the password chosen for it
            ApiClient.Answer signedIn = new ApiClient(LocalInstance.port(first)).as(null).post("/api/v1/auth/token",
                    "{\"username\":\"admin\",\"password\":\"mat-khau-lan-dau-2026\"}");
            assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
            ApiClient api = new ApiClient(LocalInstance.port(first)).as(signedIn.text("accessToken"));
            ApiClient.Answer created = api.put("/api/v1/schools/thcs-an-vinh",
                    "{\"name\":\"THCS An Vĩnh\",\"educationLevels\":[\"LOWER_SECONDARY\"]}");
            assertThat(created.status()).isEqualTo(201);
            position = created.eventPosition();
            assertThat(api.get("/api/v1/schools/thcs-an-vinh", "X-Min-Event-Position", Long.toString(position)).status())
                    .isEqualTo(200);
        }
        assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).as("PostgreSQL stopped with the context").isFalse();

        try (ConfigurableApplicationContext second = start(data)) {
            ApiClient api = new ApiClient(LocalInstance.port(second));
            ApiClient.Answer school = api.get("/api/v1/schools/thcs-an-vinh", "X-Min-Event-Position", Long.toString(position));
            assertThat(school.status()).isEqualTo(200);
            assertThat(school.text("name")).isEqualTo("THCS An Vĩnh");
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return LocalInstance.start(data, "--motsach.security.admin-password=mat-khau-lan-dau-2026");
    }
}
