package vn.motsach.command.execution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers already given to an {@code Idempotency-Key}, written in the same transaction as the
 * command's events: either both are stored or neither, so a retry has exactly one effect. A key
 * is claimed in that transaction before the command is decided, so that a retry sent while the
 * first attempt still runs waits for its answer instead of deciding a second time. A job refused
 * before it starts (a rollover of a year rolled over already) keeps its refusal here too.
 */
public final class IdempotencyStore {

    /** The first of the two keys of PostgreSQL's advisory locks that idempotency keys take. */
    private static final int KEY_LOCKS = 0x6b657973;

    /** The account of keys that are the school's, not one account's; no account can be named so. */
    static final String SCHOOL_WIDE = "#school";

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<StoredAnswer> find(Key key) {
        return jdbc.sql("""
                        select request_hash, status, response_body, event_position, refusal
                        from command_idempotency where account = ? and school_id = ? and idempotency_key = ?""")
                .params(key.account(), key.schoolId(), key.key())
                .query((rs, row) -> new StoredAnswer(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, Long.class), rs.getString(5)))
                .optional();
    }

    /**
     * Holds the key until the current transaction ends: another request with the same key waits
     * here until this one has committed its answer (which it then finds) or rolled back (the key
     * is free again, so a failure does not take the key for good). Two keys whose hashes agree
     * merely wait for each other.
     */
    public void claim(Key key) {
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))")
                .params(KEY_LOCKS, key.account() + '\n' + key.schoolId() + '\n' + key.key())
                .query((rs, row) -> true).single();
    }

    /** Stores the first answer of a key claimed in this transaction. */
    public void save(Key key, StoredAnswer answer) {
        jdbc.sql("""
                        insert into command_idempotency (account, school_id, idempotency_key, request_hash, status,
                          response_body, event_position, refusal, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key.account(), key.schoolId(), key.key(), answer.requestHash(), answer.status(), answer.body(),
                        answer.position(), answer.refusal(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    /** Keys are kept at least as long as the contract promises; older ones may go. */
    public int forgetOlderThan(Duration age) {
        Instant limit = clock.instant().minus(age);
        return jdbc.sql("delete from command_idempotency where created_at < ?")
                .param(OffsetDateTime.ofInstant(limit, ZoneOffset.UTC))
                .update();
    }

    /** A key as the contract scopes it: the account that sent it, in the school it was sent to. */
    public record Key(String account, String schoolId, String key) {
    }

    /**
     * The first answer to a key: a response (its status, JSON body and event position) or a
     * refusal ({@code refusal} is its code, {@code body} its arguments as a JSON array, and it
     * has no position, since a refusal stores no event). {@code requestHash} tells a repeat of the
     * request from another request sent with the same key.
     */
    public record StoredAnswer(String requestHash, int status, String body, Long position, String refusal) {

        private static final JsonMapper ARGUMENTS = JsonMapper.builder().build();

        /** How a day among a refusal's arguments is kept: {@code {"day":"2026-09-05"}}. */
        private static final String DAY = "day";
        /** How a moment of the school's day is kept: {@code {"time":"2026-09-05T14:05"}}. */
        private static final String TIME = "time";

        /**
         * A refusal kept as its code and arguments, to be worded again in the language of whoever
         * repeats the request. A day stays a day, not its ISO text, so that the repeat writes it
         * the reader's way as the first answer did ({@code Problems} words every refusal).
         */
        public static StoredAnswer refused(String requestHash, int status, String code, Object[] arguments) {
            Object[] kept = Arrays.stream(arguments)
                    .map(argument -> argument instanceof LocalDate day ? Map.of(DAY, day.toString())
                            : argument instanceof LocalDateTime time ? Map.of(TIME, time.toString()) : argument)
                    .toArray();
            return new StoredAnswer(requestHash, status, ARGUMENTS.writeValueAsString(kept), null, code);
        }

        private static Object keptArgument(Object argument) {
            if (argument instanceof Map<?, ?> kept && kept.size() == 1) {
                if (kept.get(DAY) instanceof String day) {
                    return LocalDate.parse(day);
                }
                if (kept.get(TIME) instanceof String time) {
                    return LocalDateTime.parse(time);
                }
            }
            return argument;
        }

        /** The arguments of a kept refusal, its days and times as such again (one kept as text before they were marked stays text). */
        public Object[] refusalArguments() {
            return Arrays.stream(ARGUMENTS.readValue(body, Object[].class))
                    .map(StoredAnswer::keptArgument)
                    .toArray();
        }
    }
}
