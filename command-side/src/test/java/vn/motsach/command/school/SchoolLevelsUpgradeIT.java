package vn.motsach.command.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.infra.migrations.MigrationSet;
import vn.motsach.testing.UpgradeSchema;

/** Schools registered before V19 get their education levels, the latest from the events, so a roster import checks their grades. */
class SchoolLevelsUpgradeIT {

    private static final String SCHEMA = "school_levels_upgrade";
    private static final MigrationSet COMMAND = new MigrationSet("command", "classpath:db/command");

    private static JdbcClient jdbc;
    private static UpgradeSchema schema;

    @BeforeAll
    static void databaseAtV18() {
        schema = UpgradeSchema.at(SCHEMA, COMMAND, "18");
        jdbc = schema.jdbc();
    }

    @AfterAll
    static void dropSchema() {
        schema.drop();
    }

    @Test
    void schoolsRegisteredBeforeGetTheirLatestEducationLevels() {
        jdbc.sql("insert into cmd_school (school_id) values ('thcs-a'), ('th-b'), ('th-c')").update();
        event("school:thcs-a", 0, "SchoolRegistered",
                "{\"schoolId\":\"thcs-a\",\"name\":\"A\",\"educationLevels\":[\"PRIMARY\"],\"authorityId\":\"x\"}");
        event("school:thcs-a", 1, "SchoolDetailsChanged",
                "{\"schoolId\":\"thcs-a\",\"name\":\"A\",\"educationLevels\":[\"LOWER_SECONDARY\",\"UPPER_SECONDARY\"],\"authorityId\":\"x\"}");
        event("school:th-b", 0, "SchoolRegistered",
                "{\"schoolId\":\"th-b\",\"name\":\"B\",\"educationLevels\":[\"PRIMARY\"],\"authorityId\":\"x\"}");

        schema.upgrade();

        assertThat(jdbc.sql("select school_id || ':' || coalesce(array_to_string(education_levels, ','), '-') from cmd_school order by school_id")
                .query(String.class).list()).isEqualTo(List.of("th-b:PRIMARY", "th-c:-", "thcs-a:LOWER_SECONDARY,UPPER_SECONDARY"));
    }

    private static void event(String aggregate, int sequence, String type, String payload) {
        jdbc.sql("""
                        insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                      payload, payloadrevision, payloadtype, timestamp)
                        values (?, ?, 'School', gen_random_uuid()::text, '{}', ?, '1', ?, '2026-09-07T02:00:00Z')""")
                .params(aggregate, sequence, payload, "vn.motsach.events.school." + type).update();
    }
}
