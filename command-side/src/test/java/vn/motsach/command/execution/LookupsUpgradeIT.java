package vn.motsach.command.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.infra.migrations.MigrationSet;
import vn.motsach.testing.UpgradeSchema;

/**
 * Lookup tables written before V4.1 and V4.2 are upgraded in place from the events: a patron's
 * first class holds from the day of their registration in Vietnam (no longer from 1900), and
 * every hold knows its patron.
 */
class LookupsUpgradeIT {

    private static final String SCHEMA = "lookups_upgrade";
    private static final MigrationSet COMMAND = new MigrationSet("command", "classpath:db/command");
    private static final String TITLE = "00000000-0000-0000-0000-000000000001";
    private static final String HOLD = "00000000-0000-0000-0000-0000000000a1";

    private static JdbcClient jdbc;
    private static UpgradeSchema schema;

    @BeforeAll
    static void databaseAtV3() {
        schema = UpgradeSchema.at(SCHEMA, COMMAND, "3");
        jdbc = schema.jdbc();
    }

    @AfterAll
    static void dropSchema() {
        schema.drop();
    }

    @Test
    void firstClassesStartOnTheRegistrationDayAndHoldsKnowTheirPatron() {
        // An registered at 00:30 in Vietnam (the day before in UTC), moved on 1 October
        event("patron:th-a:hs-an", "PatronRegistered", "{\"schoolId\":\"th-a\",\"patronId\":\"hs-an\",\"classId\":\"5a4\"}",
                "2026-09-06T17:30:00Z");
        classRow("hs-an", "1900-01-01", "5a4");
        classRow("hs-an", "2026-10-01", "5a5");
        // Bình registered and moved class on the same day: the move says the class of that day
        event("patron:th-a:hs-binh", "PatronRegistered", "{\"schoolId\":\"th-a\",\"patronId\":\"hs-binh\",\"classId\":\"5a4\"}",
                "2026-09-07T02:00:00Z");
        classRow("hs-binh", "1900-01-01", "5a4");
        classRow("hs-binh", "2026-09-07", "5a5");
        event("title:th-a:" + TITLE, "HoldPlaced",
                "{\"schoolId\":\"th-a\",\"holdId\":\"" + HOLD + "\",\"titleId\":\"" + TITLE + "\",\"patronId\":\"hs-an\"}",
                "2026-09-08T02:00:00Z");
        jdbc.sql("insert into cmd_hold (school_id, hold_id, title_id) values ('th-a', ?::uuid, ?::uuid)").params(HOLD, TITLE)
                .update();

        schema.upgrade();

        assertThat(classes("hs-an")).containsExactly(LocalDate.of(2026, 9, 7) + " 5a4", LocalDate.of(2026, 10, 1) + " 5a5");
        assertThat(classes("hs-binh")).containsExactly(LocalDate.of(2026, 9, 7) + " 5a5");
        assertThat(jdbc.sql("select patron_id from cmd_hold").query(String.class).single()).isEqualTo("hs-an");
    }

    private static void event(String aggregate, String type, String payload, String timestamp) {
        jdbc.sql("""
                        insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                      payload, payloadrevision, payloadtype, timestamp)
                        values (?, 0, 'Test', gen_random_uuid()::text, '{}', ?, '1', ?, ?)""")
                .params(aggregate, payload, "vn.motsach.events.x." + type, timestamp).update();
    }

    private static void classRow(String patron, String from, String classId) {
        jdbc.sql("insert into cmd_patron_class (school_id, patron_id, effective_on, class_id) values ('th-a', ?, ?::date, ?)")
                .params(patron, from, classId).update();
    }

    private static List<String> classes(String patron) {
        return jdbc.sql("select effective_on || ' ' || class_id from cmd_patron_class where patron_id = ? order by effective_on")
                .param(patron).query(String.class).list();
    }
}
