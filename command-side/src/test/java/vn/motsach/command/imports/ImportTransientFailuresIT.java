package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.LockWaits;

/**
 * An import's batch that PostgreSQL gives up on for another transaction's sake (a
 * {@code lock_timeout}: another session holds the classes' lookup table) runs again whole, so
 * no record of it is rejected for a moment of the database's.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"motsach.circulation.sweep-interval=1h",
                "spring.datasource.hikari.connection-init-sql=set lock_timeout = '500ms'"})
class ImportTransientFailuresIT {

    private static final String LOCKED = "cmd_class";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aBatchThatMeetsALockTimeoutTwiceRunsAgainWholeAndRejectsNoRecord() throws Exception {
        ApiClient api = new ApiClient(port);
        LibraryFixture.primarySchool(api, "th-import-lock");
        String classes = """
                Mã lớp,Tên lớp,Khối,Năm học
                4a1,Lớp 4A1,4,2026-2027
                4a2,Lớp 4A2,4,2026-2027
                """;

        ApiClient.Answer accepted;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.execute("lock table " + LOCKED + " in exclusive mode");
            }
            accepted = Uploads.upload(port, "th-import-lock", "lop.csv", classes.getBytes(StandardCharsets.UTF_8),
                    Map.of("kind", "CLASSES"));
            // two transactions give up while the table is held: the batch's, and the next one's
            String first = await(waiting -> !waiting.isEmpty()).get(0);
            String second = await(waiting -> !waiting.isEmpty() && !waiting.contains(first)).get(0);
            await(waiting -> !waiting.contains(second));
            other.rollback();
        }

        ApiClient.Answer job = Uploads.finished(api, accepted);
        assertThat(job.text("status")).isEqualTo("SUCCEEDED");
        assertThat(List.of(job.json().path("created").asInt(), job.json().path("rejected").asInt()))
                .as(job.body()).containsExactly(2, 0);
        assertThat(jdbc.sql("select count(*) from cmd_class where school_id = 'th-import-lock' and class_id in ('4a1', '4a2')")
                .query(Long.class).single()).isEqualTo(2);
    }

    /** Waits until the transactions waiting for the locked table (their virtual ids) are as {@code expected}. */
    private List<String> await(Predicate<List<String>> expected) throws InterruptedException {
        return LockWaits.await(jdbc, LOCKED, expected);
    }
}
