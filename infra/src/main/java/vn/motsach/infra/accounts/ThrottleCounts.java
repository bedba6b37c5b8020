package vn.motsach.infra.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Where {@link LoginThrottle} keeps its counts: an account's at one address and the address's,
 * always read, changed and written together and atomically, so that parallel attempts, on one
 * instance or several, are each counted before any of them is tried.
 */
interface ThrottleCounts {

    /**
     * Applies a change to the account's count and the address's as one step; a count whose last
     * attempt is before {@code forgottenBefore} starts again from nothing.
     */
    <R> R change(String accountKey, String addressKey, Instant forgottenBefore, BiFunction<Count, Count, R> change);

    /** Failed attempts, counted since the last forgetting. */
    final class Count {

        int failures;
        Instant last = Instant.MIN;
        private Instant drainedUpTo = Instant.MIN;

        /** Takes away one failure for each {@code drip} since the last one was taken. */
        void drain(Duration drip, Instant now) {
            if (failures == 0 || drainedUpTo.isAfter(now)) {
                drainedUpTo = now;
                return;
            }
            long drops = Duration.between(drainedUpTo, now).dividedBy(drip);
            if (drops > 0) {
                failures = (int) Math.max(0, failures - drops);
                drainedUpTo = drainedUpTo.plus(drip.multipliedBy(drops));
            }
        }

        void claim(Instant now) {
            failures++;
            last = now;
        }

        void clear() {
            failures = 0;
            last = Instant.MIN;
            drainedUpTo = Instant.MIN;
        }

        /** Nothing worth keeping: the same as no count at all. */
        boolean empty() {
            return failures == 0 && last.equals(Instant.MIN);
        }

        private void forgetBefore(Instant forgottenBefore) {
            if (last.isBefore(forgottenBefore)) {
                failures = 0;
            }
        }
    }

    /** The counts of one instance alone, in its memory. */
    final class InMemory implements ThrottleCounts {

        private static final int SWEEP_ABOVE = 10_000;

        private final Map<String, Count> counts = new HashMap<>();

        @Override
        public synchronized <R> R change(String accountKey, String addressKey, Instant forgottenBefore,
                BiFunction<Count, Count, R> change) {
            if (counts.size() > SWEEP_ABOVE) {
                counts.values().removeIf(count -> count.last.isBefore(forgottenBefore));
            }
            Count account = counts.computeIfAbsent(accountKey, key -> new Count());
            Count address = counts.computeIfAbsent(addressKey, key -> new Count());
            account.forgetBefore(forgottenBefore);
            address.forgetBefore(forgottenBefore);
            R result = change.apply(account, address);
            counts.remove(accountKey, account.empty() ? account : null);
            counts.remove(addressKey, address.empty() ? address : null);
            return result;
        }
    }

    /**
     * The counts in the security schema, shared by every instance on the database: both rows are
     * locked (made first when missing, always in the same order so that two changes never wait
     * on each other) for the change, and rows left alone since the forgetting are pruned.
     */
    final class InDatabase implements ThrottleCounts {

        private final JdbcClient jdbc;
        private final TransactionOperations transactions;

        InDatabase(JdbcClient jdbc, TransactionOperations transactions) {
            this.jdbc = jdbc;
            this.transactions = transactions;
        }

        @Override
        public <R> R change(String accountKey, String addressKey, Instant forgottenBefore,
                BiFunction<Count, Count, R> change) {
            // rows another change holds are skipped, not waited for: it is about to write them anyway
            jdbc.sql("""
                            delete from sign_in_throttle where throttle_key in (
                                select throttle_key from sign_in_throttle where last_at < ? for update skip locked)""")
                    .param(utc(forgottenBefore))
                    .update();
            String account = hash(accountKey);
            String address = hash(addressKey);
            return transactions.execute(status -> {
                List<String> inOrder = Stream.of(account, address).sorted().toList();
                jdbc.sql("insert into sign_in_throttle (throttle_key) values (?), (?) on conflict do nothing")
                        .params(inOrder.get(0), inOrder.get(1))
                        .update();
                Map<String, Count> counts = new HashMap<>();
                jdbc.sql("""
                                select throttle_key, failures, last_at, drained_up_to from sign_in_throttle
                                where throttle_key in (?, ?) order by throttle_key for update""")
                        .params(inOrder.get(0), inOrder.get(1))
                        .query(rs -> {
                            Count count = new Count();
                            count.failures = rs.getInt(2);
                            count.last = instant(rs.getObject(3, OffsetDateTime.class));
                            count.drainedUpTo = instant(rs.getObject(4, OffsetDateTime.class));
                            count.forgetBefore(forgottenBefore);
                            counts.put(rs.getString(1), count);
                        });
                R result = change.apply(counts.get(account), counts.get(address));
                counts.forEach(this::write);
                return result;
            });
        }

        private void write(String key, Count count) {
            if (count.empty()) {
                jdbc.sql("delete from sign_in_throttle where throttle_key = ?").param(key).update();
                return;
            }
            jdbc.sql("update sign_in_throttle set failures = ?, last_at = ?, drained_up_to = ? where throttle_key = ?")
                    .params(count.failures, utc(count.last), utc(count.drainedUpTo), key)
                    .update();
        }

        private static Instant instant(OffsetDateTime stored) {
            return stored == null ? Instant.MIN : stored.toInstant();
        }

        private static OffsetDateTime utc(Instant instant) {
            return instant.equals(Instant.MIN) ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }

        /** A key of fixed length, whatever the username sent. */
        private static String hash(String key) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
