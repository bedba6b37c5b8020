package vn.motsach.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motsach.embedded.EmbeddedStack;
import vn.motsach.testing.TestDirectories;

/**
 * The embedded PostgreSQL of data a person keeps: every commit durable, and new WAL files made
 * without writing zeros into them first, so that a commit needing one (an import writes WAL fast)
 * does not wait for sixteen megabytes to be written.
 */
class EmbeddedPostgresSettingsIT {

    @Test
    void keptDataIsDurableAndItsWalFilesAreNotZeroedInTheCommitPath() throws Exception {
        Path data = TestDirectories.create("embedded-settings-");
        try (EmbeddedStack stack = EmbeddedStack.start(data, true, false, EmbeddedStack.Ports.anyFree(), true)) {
            Map<String, Object> properties = stack.properties();
            try (Connection connection = DriverManager.getConnection((String) properties.get("spring.datasource.url"),
                    (String) properties.get("spring.datasource.username"), (String) properties.get("spring.datasource.password"));
                    Statement statement = connection.createStatement()) {
                assertThat(setting(statement, "fsync")).isEqualTo("on");
                assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(statement, "wal_init_zero")).isEqualTo("off");
                assertThat(setting(statement, "min_wal_size")).isEqualTo("256MB");
            }
        }
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
