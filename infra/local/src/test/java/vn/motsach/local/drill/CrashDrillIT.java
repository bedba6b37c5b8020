package vn.motsach.local.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.motsach.local.LocalProcess;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestDirectories;

/**
 * The crash drill: the local all-in-one, in a JVM of its own, is killed with -9 while desks lend
 * and return under idempotency keys, and started again on the same data (its embedded PostgreSQL,
 * orphaned by the kill, is stopped by the next start). Then every acknowledged command is there,
 * the requests cut off by the kill, sent again with their keys (twice), have one effect each, no
 * copy is on loan twice, and the loans projection and the school's loan metric equal the counts
 * taken from the event store.
 */
class CrashDrillIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String SCHOOL = "th-dien-tap";
    private static final int DESKS = 3;
    private static final int COPIES_PER_DESK = 4;
    private static final String CHECKED_OUT = "vn.motsach.events.circulation.CopyCheckedOut";
    private static final String RETURNED = "vn.motsach.events.circulation.CopyReturned";

    @Test
    void everyAcknowledgedCommandSurvivesAKillAndRetriesHaveOneEffect() throws Exception {
        Path data = TestDirectories.create("crash-drill-");
        int postgresPort = LocalProcess.freePort();
        Set<String> acknowledgedLoans = ConcurrentHashMap.newKeySet();
        AtomicInteger acknowledgedReturns = new AtomicInteger();
        List<Request> cutOff = new ArrayList<>();

        try (LocalProcess first = LocalProcess.start(data, "first", postgresPort, Duration.ofMinutes(3))) {
            ApiClient api = new ApiClient(first.port());
            LibraryFixture school = LibraryFixture.primarySchool(api, SCHOOL);
            String title = school.title("Dế Mèn phiêu lưu ký");
            for (int desk = 0; desk < DESKS; desk++) {
                school.patron("hs-ban-" + desk, "Học sinh bàn " + desk, "STUDENT", "5a4");
                for (int copy = 0; copy < COPIES_PER_DESK; copy++) {
                    school.copy(barcode(desk, copy), title);
                }
            }

            ExecutorService desks = Executors.newFixedThreadPool(DESKS);
            List<Future<Optional<Request>>> work = new ArrayList<>();
            for (int desk = 0; desk < DESKS; desk++) {
                int number = desk;
                work.add(desks.submit(() -> lendAndReturn(api, number, acknowledgedLoans, acknowledgedReturns)));
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> acknowledgedLoans.size() + acknowledgedReturns.get() >= 40);
            first.kill();
            for (Future<Optional<Request>> desk : work) {
                desk.get().ifPresent(cutOff::add);
            }
            desks.shutdown();
        }
        assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).as("the kill left PostgreSQL running").isTrue();

        try (LocalProcess second = LocalProcess.start(data, "second", postgresPort, Duration.ofMinutes(3))) {
            ApiClient api = new ApiClient(second.port());
            int retriedCheckouts = 0;
            int retriedReturns = 0;
            long newest = 0;
            for (Request request : cutOff) {
                ApiClient.Answer again = request.send(api);
                ApiClient.Answer once = request.send(api);
                assertThat(again.status()).as(request + ": " + again.body()).isIn(200, 201);
                assertThat(once.status()).as("the same key answers the same").isEqualTo(again.status());
                if (request.checkout()) {
                    assertThat(once.text("loanId")).isEqualTo(again.text("loanId"));
                    acknowledgedLoans.add(again.text("loanId"));
                    retriedCheckouts++;
                } else {
                    retriedReturns++;
                }
                newest = Math.max(newest, again.eventPosition());
            }
            System.out.printf("CrashDrillIT: %d checkouts and %d returns acknowledged before the kill, %d requests cut off%n",
                    acknowledgedLoans.size() - retriedCheckouts, acknowledgedReturns.get(), cutOff.size());

            try (Connection db = connect(data, postgresPort)) {
                // every acknowledged checkout is in the event store once, each cut-off one once too,
                // and a copy is lent again only after it came back
                List<String[]> circulation = circulation(db);
                List<String> lent = circulation.stream().filter(event -> event[0].equals(CHECKED_OUT)).map(event -> event[2]).toList();
                assertThat(lent).doesNotHaveDuplicates();
                assertThat(Set.copyOf(lent)).isEqualTo(acknowledgedLoans);
                long checkouts = lent.size();
                long returns = circulation.size() - checkouts;
                assertThat(returns).isEqualTo(acknowledgedReturns.get() + retriedReturns);
                Map<String, String> onLoan = new HashMap<>();
                for (String[] event : circulation) {
                    String before = event[0].equals(CHECKED_OUT) ? onLoan.put(event[1], event[2]) : onLoan.remove(event[1]);
                    assertThat(before).as("%s of %s", event[0], event[1]).isEqualTo(event[0].equals(CHECKED_OUT) ? null : event[2]);
                }

                // the loans projection caught up equals them; no copy has two open loans
                long position = newest;
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertThat(count(db, "select count(*) from qs_loan where school_id = ?", SCHOOL)).isEqualTo(checkouts);
                    assertThat(count(db, "select count(*) from qs_loan where school_id = ? and returned_at is not null", SCHOOL))
                            .isEqualTo(returns);
                });
                assertThat(count(db, """
                        select count(*) from (select barcode from qs_loan where school_id = ? and returned_at is null
                                              group by barcode having count(*) > 1) twice""", SCHOOL)).isZero();
                for (String loan : acknowledgedLoans) {
                    ApiClient.Answer found = api.get("/api/v1/schools/" + SCHOOL + "/loans/" + loan,
                            "X-Min-Event-Position", Long.toString(position));
                    assertThat(found.status()).as(loan + ": " + found.body()).isEqualTo(200);
                }

                // and the school's loans metric counts each checkout once
                String week = "?period=WEEK&on=" + LocalDate.now(VIETNAM);
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    ApiClient.Answer metrics = api.get("/api/v1/schools/" + SCHOOL + "/reading-metrics" + week);
                    assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
                    assertThat(metrics.json().path("loans").asLong()).isEqualTo(checkouts);
                });
            }
        }
    }

    /**
     * One desk lending its copies in turn and taking each back, every request under a key of its
     * own, until the application dies: the request then cut off is handed back to be sent again.
     */
    private static Optional<Request> lendAndReturn(ApiClient api, int desk, Set<String> loans, AtomicInteger returns) {
        ApiClient patient = api.givingUpAfter(Duration.ofSeconds(20));
        String base = "/api/v1/schools/" + SCHOOL;
        for (int turn = 0; ; turn++) {
            String barcode = barcode(desk, turn % COPIES_PER_DESK);
            Request checkout = new Request(base + "/checkouts",
                    "{\"barcode\":\"" + barcode + "\",\"patronId\":\"hs-ban-" + desk + "\"}", UUID.randomUUID().toString(), true);
            ApiClient.Answer lent;
            try {
                lent = checkout.send(patient);
            } catch (UncheckedIOException killed) {
                return Optional.of(checkout);
            }
            assertThat(lent.status()).as(lent.body()).isEqualTo(201);
            loans.add(lent.text("loanId"));
            Request checkin = new Request(base + "/checkins", "{\"barcode\":\"" + barcode + "\"}", UUID.randomUUID().toString(), false);
            ApiClient.Answer returned;
            try {
                returned = checkin.send(patient);
            } catch (UncheckedIOException killed) {
                return Optional.of(checkin);
            }
            assertThat(returned.status()).as(returned.body()).isEqualTo(200);
            returns.incrementAndGet();
        }
    }

    private static String barcode(int desk, int copy) {
        return "DT" + desk + "-" + copy;
    }

    private static Connection connect(Path data, int port) throws Exception {
        String password = Files.readString(data.resolve("postgres/motsach-password")).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
    }

    /** The school's checkouts and returns, in their order: type, barcode, loan. */
    private static List<String[]> circulation(Connection db) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("""
                select payloadtype, payload::jsonb ->> 'barcode', payload::jsonb ->> 'loanId' from domainevententry
                where payloadtype in (?, ?) and payload::jsonb ->> 'schoolId' = ? order by globalindex""")) {
            statement.setString(1, CHECKED_OUT);
            statement.setString(2, RETURNED);
            statement.setString(3, SCHOOL);
            List<String[]> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                }
            }
            return events;
        }
    }

    private static long count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private record Request(String path, String body, String key, boolean checkout) {

        ApiClient.Answer send(ApiClient api) {
            return api.post(path, body, "Idempotency-Key", key);
        }
    }
}
