package vn.motsach.command.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Answers already given to an {@code Idempotency-Key}, written in the same transaction as the
 * command's events: either both are stored or neither, so a retry has exactly one effect.
 */
public final class IdempotencyStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<StoredAnswer> find(String schoolId, String key) {
        return jdbc.sql("""
                        select request_hash, status, response_body, event_position
                        from command_idempotency where school_id = ? and idempotency_key = ?""")
                .params(schoolId, key)
                .query((rs, row) -> new StoredAnswer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    /** @return {@code false} when another request took the key first (this one must then roll back) */
    boolean save(String schoolId, String key, StoredAnswer answer) {
        return jdbc.sql("""
                        insert into command_idempotency
                          (school_id, idempotency_key, request_hash, status, response_body, event_position, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(schoolId, key, answer.requestHash(), answer.status(), answer.body(), answer.position(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update() == 1;
    }

    /** Keys are kept at least as long as the contract promises; older ones may go. */
    public int forgetOlderThan(Duration age) {
        Instant limit = clock.instant().minus(age);
        return jdbc.sql("delete from command_idempotency where created_at < ?")
                .param(OffsetDateTime.ofInstant(limit, ZoneOffset.UTC))
                .update();
    }

    record StoredAnswer(String requestHash, int status, String body, long position) {
    }
}
