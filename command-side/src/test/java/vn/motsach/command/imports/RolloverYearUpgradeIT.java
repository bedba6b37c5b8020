package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.infra.migrations.MigrationSet;
import vn.motsach.testing.UpgradeSchema;

/**
 * Rollovers asked for before V17 get the year they moved students into from the plan they stored,
 * so a year rolled over before the upgrade is not rolled over again after it.
 */
class RolloverYearUpgradeIT {

    private static final String SCHEMA = "rollover_year_upgrade";
    private static final MigrationSet COMMAND = new MigrationSet("command", "classpath:db/command");

    private static JdbcClient jdbc;
    private static UpgradeSchema schema;

    @BeforeAll
    static void databaseAtV16() {
        schema = UpgradeSchema.at(SCHEMA, COMMAND, "16");
        jdbc = schema.jdbc();
    }

    @AfterAll
    static void dropSchema() {
        schema.drop();
    }

    @Test
    void aYearRolledOverBeforeTheUpgradeStandsAfterIt() {
        UUID first = job("ROLLOVER", "SUCCEEDED", "2027-06-01T02:00:00Z", "2027-2028");
        // the same year again, as the rollover allowed before: the first stands, this one is left as it was
        UUID second = job("ROLLOVER", "SUCCEEDED", "2027-06-02T02:00:00Z", "2027-2028");
        UUID failed = job("ROLLOVER", "FAILED", "2027-05-30T02:00:00Z", "2027-2028");
        UUID otherYear = job("ROLLOVER", "RUNNING", "2027-06-03T02:00:00Z", "2028-2029");
        UUID catalogue = job("CATALOGUE", "SUCCEEDED", "2027-06-01T01:00:00Z", null);

        schema.upgrade();

        assertThat(yearOf(first)).isEqualTo("2027-2028");
        assertThat(yearOf(second)).isNull();
        assertThat(yearOf(failed)).isNull();
        assertThat(yearOf(otherYear)).isEqualTo("2028-2029");
        assertThat(yearOf(catalogue)).isNull();
        UUID another = job("ROLLOVER", "QUEUED", "2027-06-04T02:00:00Z", null);
        assertThatThrownBy(() -> jdbc.sql("update cmd_import_job set school_year = '2027-2028' where import_id = ?")
                .param(another).update()).hasMessageContaining("cmd_import_job_rollover");
    }

    /** A job as V7 stored it; a rollover's plan in two pieces, as a long one is kept. */
    private static UUID job(String kind, String status, String requestedAt, String schoolYear) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into cmd_import_job (import_id, school_id, kind, format, status, dry_run, actor, file_size, requested_at)
                        values (?, 'th-a', ?, 'JSON', ?, false, 'hieu-truong', 0, cast(? as timestamptz))""")
                .params(id, kind, status, requestedAt).update();
        if (schoolYear != null) {
            byte[] plan = ("{\"schoolYear\":\"" + schoolYear + "\",\"fromSchoolYear\":\"x\",\"startsOn\":\"2027-09-06\",\"steps\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            jdbc.sql("insert into cmd_import_chunk (import_id, seq, bytes) values (?, 0, ?)").params(id, Arrays.copyOf(plan, 10)).update();
            jdbc.sql("insert into cmd_import_chunk (import_id, seq, bytes) values (?, 1, ?)")
                    .params(id, Arrays.copyOfRange(plan, 10, plan.length)).update();
        }
        return id;
    }

    private static String yearOf(UUID job) {
        return jdbc.sql("select school_year from cmd_import_job where import_id = ?").param(job).query(String.class).list().get(0);
    }
}
