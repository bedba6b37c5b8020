package vn.motsach.command.patrons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.infra.migrations.MigrationSet;
import vn.motsach.testing.UpgradeSchema;

/** Patrons and classes registered before V8 get the details a roster import compares with, their latest from the events. */
class RosterDetailsUpgradeIT {

    private static final String SCHEMA = "roster_details_upgrade";
    private static final MigrationSet COMMAND = new MigrationSet("command", "classpath:db/command");

    private static JdbcClient jdbc;
    private static UpgradeSchema schema;

    @BeforeAll
    static void databaseAtV7() {
        schema = UpgradeSchema.at(SCHEMA, COMMAND, "7");
        jdbc = schema.jdbc();
    }

    @AfterAll
    static void dropSchema() {
        schema.drop();
    }

    @Test
    void patronsAndClassesRegisteredBeforeGetTheirLatestDetails() {
        jdbc.sql("insert into cmd_patron (school_id, patron_id, category, active) values ('th-a', 'hs-1', 'STUDENT', true)").update();
        jdbc.sql("insert into cmd_class (school_id, class_id, school_year) values ('th-a', '5a', '2026-2027')").update();
        event("patron:th-a:hs-1", 0, "PatronRegistered",
                "{\"schoolId\":\"th-a\",\"patronId\":\"hs-1\",\"fullName\":\"Lê An\",\"category\":\"STUDENT\",\"classId\":\"5a\"}");
        event("patron:th-a:hs-1", 1, "PatronDetailsChanged",
                "{\"schoolId\":\"th-a\",\"patronId\":\"hs-1\",\"fullName\":\"Lê Văn An\",\"category\":\"STUDENT\"}");
        event("class:th-a:5a", 0, "ClassOpened", "{\"schoolId\":\"th-a\",\"classId\":\"5a\",\"name\":\"5A\",\"grade\":5,"
                + "\"schoolYear\":\"2026-2027\",\"homeroomTeacherId\":null}");
        event("class:th-a:5a", 1, "ClassDetailsChanged", "{\"schoolId\":\"th-a\",\"classId\":\"5a\",\"name\":\"Lớp 5A\","
                + "\"grade\":5,\"schoolYear\":\"2026-2027\",\"homeroomTeacherId\":\"gv-1\"}");

        schema.upgrade();

        assertThat(jdbc.sql("select full_name from cmd_patron").query(String.class).list()).isEqualTo(List.of("Lê Văn An"));
        assertThat(jdbc.sql("select name || '|' || grade || '|' || homeroom_teacher_id from cmd_class").query(String.class).list())
                .isEqualTo(List.of("Lớp 5A|5|gv-1"));
    }

    private static void event(String aggregate, int sequence, String type, String payload) {
        jdbc.sql("""
                        insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                      payload, payloadrevision, payloadtype, timestamp)
                        values (?, ?, 'Test', gen_random_uuid()::text, '{}', ?, '1', ?, '2026-09-07T02:00:00Z')""")
                .params(aggregate, sequence, payload, "vn.motsach.events." + (type.startsWith("Class") ? "schoolclass." : "patron.") + type)
                .update();
    }
}
