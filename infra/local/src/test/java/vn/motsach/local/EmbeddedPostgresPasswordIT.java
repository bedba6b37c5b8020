package vn.motsach.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motsach.embedded.EmbeddedStack;
import vn.motsach.testing.TestDirectories;

/**
 * The embedded PostgreSQL takes only connections with the password it generated on its first
 * start and keeps in its directory: the same one after a restart, and a cluster made by an earlier
 * version, which trusted every local user, gets one too.
 */
class EmbeddedPostgresPasswordIT {

    @Test
    void connectionsNeedThePasswordKeptInTheDataDirectory() throws Exception {
        Path data = TestDirectories.create("embedded-password-");
        Path passwordFile = data.resolve("postgres/motsach-password");
        String password;
        try (EmbeddedStack stack = start(data)) {
            Map<String, Object> properties = stack.properties();
            password = (String) properties.get("spring.datasource.password");
            assertThat(password).hasSizeGreaterThanOrEqualTo(24);
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(password);
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertRefusedWithout(properties);
            assertAccepted(properties);
        }

        try (EmbeddedStack again = start(data)) {
            assertThat(again.properties().get("spring.datasource.password")).isEqualTo(password);
            assertRefusedWithout(again.properties());
            assertAccepted(again.properties());
        }
    }

    @Test
    void aClusterOfAnEarlierVersionGetsAPassword() throws Exception {
        Path data = TestDirectories.create("embedded-earlier-");
        try (EmbeddedStack stack = start(data)) {
            assertAccepted(stack.properties());
        }
        // what an earlier version left: initdb's rules trusting every local user, and no password file
        Files.delete(data.resolve("postgres/motsach-password"));
        Files.writeString(data.resolve("postgres/pg_hba.conf"), """
                local   all   all                  trust
                host    all   all   127.0.0.1/32   trust
                host    all   all   ::1/128        trust
                """);

        try (EmbeddedStack upgraded = start(data)) {
            assertThat(data.resolve("postgres/motsach-password")).exists();
            assertRefusedWithout(upgraded.properties());
            assertAccepted(upgraded.properties());
        }
    }

    private static EmbeddedStack start(Path data) {
        return EmbeddedStack.start(data, true, false, EmbeddedStack.Ports.anyFree(), false);
    }

    private static void assertRefusedWithout(Map<String, Object> properties) {
        String url = (String) properties.get("spring.datasource.url");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    private static void assertAccepted(Map<String, Object> properties) throws SQLException {
        try (Connection connection = DriverManager.getConnection((String) properties.get("spring.datasource.url"),
                (String) properties.get("spring.datasource.username"), (String) properties.get("spring.datasource.password"));
                Statement statement = connection.createStatement()) {
            assertThat(statement.execute("select 1")).isTrue();
        }
    }
}
