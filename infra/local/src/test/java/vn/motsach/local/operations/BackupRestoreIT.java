package vn.motsach.local.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import vn.motsach.embedded.EmbeddedStack;
import vn.motsach.local.LocalInstance;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestDirectories;
import vn.motsach.testing.TestTokens;

/**
 * The restore drill of docs/operations/backup-restore.md: a school lends, takes back, holds and
 * reads; its database is backed up; a second installation, with an empty database and an empty
 * broker, gets the backup, rebuilds its projections, has the events topic republished, and then
 * answers every question (catalogue search, loans, holds, class and school reading metrics)
 * exactly as the original did.
 *
 * <p>The guide backs up with {@code pg_dump}. The embedded PostgreSQL ships no {@code pg_dump}
 * (only initdb, pg_ctl and postgres), and an older client refuses a newer server, so the drill
 * takes the data section {@code pg_dump} would write, table by table with {@code COPY}, and gets
 * the schema from the application's own migrations, the ones that made the original's.
 */
class BackupRestoreIT {

    /**
     * What a backup holds (the guide's {@code pg_dump -t} list), parents before children: the
     * event store and the processors' positions, and the command side's state that no event
     * rebuilds (idempotency keys, lookup tables written with each command, import jobs with their
     * files, accounts and sign-in sessions). The query side's tables and the topic are derived.
     */
    static final List<String> BACKED_UP = List.of(
            "domainevententry", "snapshotevententry", "tokenentry",
            "command_idempotency", "cmd_school", "cmd_school_year", "cmd_loan_policy", "cmd_class", "cmd_patron",
            "cmd_patron_class", "cmd_title", "cmd_copy", "cmd_open_loan", "cmd_hold_shelf", "cmd_hold", "cmd_intake",
            "cmd_import_job", "cmd_import_chunk", "cmd_import_issue", "cmd_title_match",
            "accounts", "account_audit", "sign_in_sessions");

    private static final String SCHOOL = "thcs-khoi-phuc";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void aRestoreIntoAnEmptyDatabaseAndBrokerAnswersAsTheOriginal() throws Exception {
        Path backup = TestDirectories.create("backup-");
        Map<String, String> original;
        try (ConfigurableApplicationContext app = LocalInstance.start(TestDirectories.create("backup-original-"))) {
            ApiClient api = new ApiClient(LocalInstance.port(app));
            LibraryFixture school = lendTakeBackHoldAndRead(api);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(api.get(school.base() + "/classes/7a1/reading-metrics" + week())
                            .json().path("readingMinutes").asLong()).isEqualTo(25));
            original = answers(api, school);
            assertThat(original.values()).as("questions the original answers").allMatch(answer -> answer.startsWith("200 "));
            backUp(app.getEnvironment(), backup);
        }

        Path restored = TestDirectories.create("backup-restored-");
        // the empty installation: its schema, by the same migrations, and an empty broker
        LocalInstance.start(restored).close();
        restore(restored, backup);

        try (ConfigurableApplicationContext app = LocalInstance.start(restored)) {
            ApiClient api = new ApiClient(LocalInstance.port(app));
            LibraryFixture school = new LibraryFixture(api, SCHOOL);
            assertThat(api.post("/api/v1/admin/projections/rebuild", "{}").status()).isEqualTo(202);
            ApiClient librarian = api.as(TestTokens.ofSchool("thu-thu-khoi-phuc", "LIBRARIAN", SCHOOL));
            assertThat(librarian.post("/api/v1/admin/event-topic/republish", "{}").status()).isEqualTo(403);
            // refused (409) while the original's claim on the publisher's position has not yet expired
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                ApiClient.Answer republish = api.post("/api/v1/admin/event-topic/republish", "{}");
                assertThat(republish.status()).as(republish.body()).isEqualTo(202);
            });
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(api.get("/api/v1/admin/projections/rebuild").text("state")).isEqualTo("DONE");
                ApiClient.Answer topic = api.get("/api/v1/admin/event-topic");
                assertThat(topic.json().path("remaining").asLong()).as(topic.body()).isZero();
                assertThat(topic.json().path("republishing").asBoolean()).as(topic.body()).isFalse();
                assertThat(answers(api, school)).isEqualTo(original);
            });
        }
    }

    private static LibraryFixture lendTakeBackHoldAndRead(ApiClient api) {
        LocalDate today = LocalDate.now(VIETNAM);
        LibraryFixture school = LibraryFixture.lowerSecondaryThisYear(api, SCHOOL, "THCS Khôi Phục", "xa-khoi-phuc", today);
        school.expect(201, api.put(school.base() + "/classes/7a1",
                "{\"name\":\"7A1\",\"grade\":7,\"schoolYear\":\"" + LibraryFixture.schoolYearHolding(today) + "\"}"));
        school.patron("hs-1", "Võ Thị Sáu", "STUDENT", "7a1");
        school.patron("hs-2", "Đặng Văn Bảy", "STUDENT", "7a1");
        school.patron("hs-3", "Ngô Thị Tám", "STUDENT", "7a1");
        String dat = school.title("Đất rừng phương Nam");
        String de = school.title("Dế Mèn phiêu lưu ký");
        school.copy("c-1", dat);
        school.copy("c-2", dat);
        school.copy("c-3", de);
        school.expect(201, school.checkOut("c-1", "hs-1"));
        school.expect(201, school.checkOut("c-3", "hs-2"));
        school.expect(200, school.checkIn("c-1"));
        school.expect(201, school.checkOut("c-2", "hs-3"));
        school.expect(201, school.placeHold(de, "hs-1"));
        String startedAt = LibraryFixture.sessionBegunToday(Clock.system(VIETNAM), Duration.ofMinutes(40));
        school.expect(201, api.post(school.base() + "/reading-sessions",
                "{\"patronId\":\"hs-3\",\"startedAt\":\"" + startedAt + "\",\"minutes\":25,\"place\":\"LIBRARY\"}"));
        return school;
    }

    /** The questions compared, each with the original's answer. */
    private static Map<String, String> answers(ApiClient api, LibraryFixture school) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of("/titles?q=phieu", "/titles", "/loans", "/holds", "/patrons/hs-1/loans",
                "/classes/7a1/reading-metrics" + week(), "/reading-metrics" + week())) {
            ApiClient.Answer answer = api.get(school.base() + path);
            answers.put(path, answer.status() + " " + answer.body());
        }
        return answers;
    }

    private static String week() {
        return "?period=WEEK&on=" + LocalDate.now(VIETNAM);
    }

    /** The data section of {@code pg_dump -t ...}: each table's rows, in PostgreSQL's binary copy format. */
    private static void backUp(Environment environment, Path backup) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"))) {
            // one snapshot for every table, as pg_dump takes it
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            for (String table : BACKED_UP) {
                try (OutputStream out = Files.newOutputStream(backup.resolve(table + ".copy"))) {
                    connection.unwrap(PGConnection.class).getCopyAPI()
                            .copyOut("copy " + table + " to stdout (format binary)", out);
                }
            }
            connection.commit();
        }
    }

    /** {@code pg_restore} of that data into the migrated, empty database, the application stopped. */
    private static void restore(Path data, Path backup) throws SQLException, IOException {
        try (EmbeddedStack stack = EmbeddedStack.start(data, true, false, EmbeddedStack.Ports.anyFree(), false);
                Connection connection = DriverManager.getConnection((String) stack.properties().get("spring.datasource.url"),
                        (String) stack.properties().get("spring.datasource.username"),
                        (String) stack.properties().get("spring.datasource.password"))) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // the empty installation's first start wrote its own administrator and positions
                statement.execute("truncate " + String.join(", ", BACKED_UP));
            }
            for (String table : BACKED_UP) {
                try (InputStream in = Files.newInputStream(backup.resolve(table + ".copy"))) {
                    connection.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("copy " + table + " from stdin (format binary)", in);
                }
            }
            // pg_dump carries the sequences' positions; COPY does not
            try (PreparedStatement sequences = connection.prepareStatement("""
                    select setval(pg_get_serial_sequence(table_name, column_name),
                                  greatest(1, (xpath('/row/m/text()', query_to_xml(
                                      format('select max(%I) as m from %I', column_name, table_name), false, true, '')))[1]::text::bigint))
                    from information_schema.columns
                    where table_schema = current_schema() and table_name = any(?)
                      and pg_get_serial_sequence(table_name, column_name) is not null""")) {
                sequences.setArray(1, connection.createArrayOf("text", BACKED_UP.toArray()));
                sequences.executeQuery().close();
            }
            connection.commit();
        }
    }
}
