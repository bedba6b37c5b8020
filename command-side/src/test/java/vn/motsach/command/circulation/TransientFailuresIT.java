package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.testing.LibraryFixture.refused;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.LockWaits;
import vn.motsach.testing.MutableClock;

/**
 * A checkout whose transaction PostgreSQL gives up on for another transaction's sake (a
 * {@code lock_timeout}: another session holds the loans' lookup table; a deadlock: that session
 * then wants the patron's row the checkout holds) is run again whole: once the other transaction
 * is done it is applied, once. One that meets it every time is answered 503 {@code SERVICE_BUSY},
 * stores nothing and keeps nothing under its key, so that the desk's retry with the same key is
 * applied. The lock timeout is longer than PostgreSQL's {@code deadlock_timeout} (1 s), so that a
 * deadlock is found before the checkout gives up waiting.
 */
@SpringBootTest(classes = {CommandSideApplication.class, TestClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"motsach.circulation.sweep-interval=1h",
                "spring.datasource.hikari.connection-init-sql=set lock_timeout = '2s'"})
class TransientFailuresIT {

    private static final String KEY = "Idempotency-Key";
    private static final String LOCKED = "cmd_open_loan";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    ApiClient api;

    @BeforeEach
    void setUp() {
        clock.setTo(TestClockConfiguration.FIRST_MONDAY, LocalTime.of(9, 0));
        api = new ApiClient(port);
    }

    @Test
    void aCheckoutThatMeetsALockTimeoutOnceIsRunAgainAndAppliedOnce() throws Exception {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-lock-once");
        library.copy("LO-1", library.title("Số đỏ"));
        String checkout = "{\"barcode\":\"LO-1\",\"patronId\":\"hs-an\"}";

        ApiClient.Answer answer;
        try (Connection other = holding(LOCKED)) {
            CompletableFuture<ApiClient.Answer> sent = CompletableFuture.supplyAsync(
                    () -> api.post(library.base() + "/checkouts", checkout, KEY, "desk-lock-0001"));
            List<String> firstAttempt = await(waiting -> !waiting.isEmpty());
            await(waiting -> !waiting.contains(firstAttempt.get(0))); // it gave up while the lock is still held
            other.rollback();
            answer = sent.get(30, TimeUnit.SECONDS);
        }

        library.expect(201, answer);
        assertThat(count("CopyCheckedOut", library.school())).isEqualTo(1);
        ApiClient.Answer again = library.expect(201, api.post(library.base() + "/checkouts", checkout, KEY, "desk-lock-0001"));
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");
        assertThat(again.text("loanId")).isEqualTo(answer.text("loanId"));
    }

    @Test
    void aCheckoutThatMeetsItEveryTimeIsServiceBusyAndTheSameKeyLaterApplies() throws Exception {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-lock-always");
        library.copy("LA-1", library.title("Vợ nhặt"));
        String checkout = "{\"barcode\":\"LA-1\",\"patronId\":\"hs-an\"}";

        try (Connection other = holding(LOCKED)) {
            ApiClient.Answer busy = api.post(library.base() + "/checkouts", checkout, KEY, "desk-lock-0002");
            ApiClient.Answer busyWithoutKey = api.post(library.base() + "/checkouts", checkout);

            for (ApiClient.Answer answer : List.of(busy, busyWithoutKey)) {
                refused(answer, 503, "SERVICE_BUSY");
                assertThat(answer.header("Retry-After")).hasValue("1");
            }
            other.rollback();
        }

        assertThat(count("CopyCheckedOut", library.school())).isZero();
        assertThat(jdbc.sql("select count(*) from command_idempotency where idempotency_key = 'desk-lock-0002'")
                .query(Long.class).single()).isZero();
        ApiClient.Answer applied = library.expect(201,
                api.post(library.base() + "/checkouts", checkout, KEY, "desk-lock-0002"));
        assertThat(applied.header("Idempotent-Replayed")).isEmpty();
        assertThat(count("CopyCheckedOut", library.school())).isEqualTo(1);
    }

    @Test
    void aCheckoutChosenAsADeadlocksVictimIsRunAgainAndAppliedOnce() throws Exception {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-deadlock");
        library.copy("DL-1", library.title("Tuổi thơ dữ dội"));

        ApiClient.Answer answer;
        try (Connection other = holding(LOCKED)) {
            try (Statement statement = other.createStatement()) {
                // the checkout, which waited first, is the one to find the deadlock and give up
                statement.execute("set local deadlock_timeout = '10s'");
                statement.execute("set local lock_timeout = 0");
            }
            CompletableFuture<ApiClient.Answer> sent = CompletableFuture.supplyAsync(
                    () -> api.post(library.base() + "/checkouts", "{\"barcode\":\"DL-1\",\"patronId\":\"hs-an\"}"));
            List<String> firstAttempt = await(waiting -> !waiting.isEmpty());
            try (Statement statement = other.createStatement()) {
                // waits for the patron's row the checkout locked: each waits for the other
                statement.execute("select 1 from cmd_patron where school_id = 'th-deadlock' and patron_id = 'hs-an' for update");
            }
            assertThat(jdbc.sql("select count(*) from pg_locks where virtualtransaction = ?").param(firstAttempt.get(0))
                    .query(Long.class).single()).as("the first attempt's transaction is over").isZero();
            other.rollback();
            answer = sent.get(30, TimeUnit.SECONDS);
        }

        library.expect(201, answer);
        assertThat(count("CopyCheckedOut", library.school())).isEqualTo(1);
    }

    /** Another session that holds {@code table} against every write until it rolls back. */
    private Connection holding(String table) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table " + table + " in exclusive mode");
        }
        return connection;
    }

    /** Waits until the transactions waiting for the locked table (their virtual ids) are as {@code expected}. */
    private List<String> await(Predicate<List<String>> expected) throws InterruptedException {
        return LockWaits.await(jdbc, LOCKED, expected);
    }

    private long count(String eventType, String school) {
        return jdbc.sql("select count(*) from domainevententry where payloadtype like ? and payload like ?")
                .params("%." + eventType, "%\"schoolId\":\"" + school + "\"%").query(Long.class).single();
    }
}
