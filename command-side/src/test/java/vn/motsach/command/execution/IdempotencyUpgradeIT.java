package vn.motsach.command.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.infra.migrations.MigrationSet;
import vn.motsach.testing.UpgradeSchema;

/**
 * Keys kept before they belonged to accounts (V3) are upgraded in place: each goes to the actor
 * of the event its answer points at, so that a retry of a request sent before the upgrade still
 * gets its first answer; a key whose event cannot be found belongs to no account and simply ages.
 */
class IdempotencyUpgradeIT {

    private static final String SCHEMA = "idempotency_upgrade";
    private static final MigrationSet COMMAND = new MigrationSet("command", "classpath:db/command");

    private static UpgradeSchema schema;
    private static JdbcClient jdbc;

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
    void keysKeptBeforeGoToTheActorOfTheirEvent() {
        long position = jdbc.sql("""
                        insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                      payload, payloadtype, timestamp)
                        values ('copy:s:LH-1', 0, 'Copy', 'e-1', '{"actor":"thu-thu-lan","traceId":"t-1"}',
                                '{"schoolId":"s","barcode":"LH-1"}', 'vn.motsach.events.circulation.CopyCheckedOut',
                                '2026-09-07T02:00:00Z')
                        returning globalindex""")
                .query(Long.class).single();
        jdbc.sql("""
                insert into command_idempotency (school_id, idempotency_key, request_hash, status, response_body,
                                                 event_position, created_at)
                values ('s', 'desk-1', 'h-1', 201, '{"loanId":"l-1"}', ?, now()),
                       ('s', 'desk-2', 'h-2', 200, '{}', ?, now())""")
                .params(position, position + 1000).update();

        schema.upgrade();

        IdempotencyStore store = new IdempotencyStore(jdbc, Clock.fixed(Instant.parse("2026-09-07T03:00:00Z"), ZoneOffset.UTC));
        assertThat(store.find(new IdempotencyStore.Key("thu-thu-lan", "s", "desk-1")))
                .hasValue(new IdempotencyStore.StoredAnswer("h-1", 201, "{\"loanId\":\"l-1\"}", position, null));
        assertThat(store.find(new IdempotencyStore.Key("thu-thu-mai", "s", "desk-1"))).isEmpty();
        assertThat(store.find(new IdempotencyStore.Key("", "s", "desk-2"))).isPresent();
    }
}
