package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.infra.migrations.MigrationSet;
import vn.motsach.testing.UpgradeSchema;

/** A CLASS_CLOSED issue stored before the message named the class by name reads on after the upgrade, the id in the name's place. */
class ClassClosedIssuesUpgradeIT {

    private static final String SCHEMA = "class_closed_issues_upgrade";
    private static final MigrationSet COMMAND = new MigrationSet("command", "classpath:db/command");

    private static JdbcClient jdbc;
    private static UpgradeSchema schema;

    @BeforeAll
    static void databaseAtV19() {
        schema = UpgradeSchema.at(SCHEMA, COMMAND, "19");
        jdbc = schema.jdbc();
    }

    @AfterAll
    static void dropSchema() {
        schema.drop();
    }

    @Test
    void storedIssuesGetTheClassIdAsItsName() {
        UUID job = UUID.randomUUID();
        jdbc.sql("""
                insert into cmd_import_job (import_id, school_id, kind, format, status, dry_run, actor, file_size, requested_at)
                values (?, 'thcs-a', 'PATRONS', 'XLSX', 'SUCCEEDED', false, 'thu-thu', 10, now())""").param(job).update();
        issue(job, 1, "CLASS_CLOSED", "6a", "2026-05-31");
        issue(job, 2, "CLASS_CLOSED", "Lớp 6A", "6a", "2026-05-31");
        issue(job, 3, "CLASS_NOT_FOUND", "6b");

        schema.upgrade();

        assertThat(jdbc.sql("select array_to_string(arguments, '|') from cmd_import_issue where import_id = ? order by seq")
                .param(job).query(String.class).list()).isEqualTo(List.of("6a|6a|2026-05-31", "Lớp 6A|6a|2026-05-31", "6b"));
    }

    private static void issue(UUID job, int seq, String code, String... arguments) {
        jdbc.sql("""
                insert into cmd_import_issue (import_id, seq, severity, record, code, arguments)
                values (?, ?, 'ERROR', ?, ?, ?)""").params(job, seq, seq, code, arguments).update();
    }
}
