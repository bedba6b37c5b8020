package vn.motsach.testing;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The transactions waiting for a lock on a table, as {@code pg_locks} shows them: for tests that
 * hold a lock so that a command's transaction waits, times out or deadlocks at a known moment.
 */
public final class LockWaits {

    private LockWaits() {
    }

    /** Waits, up to 20 s, until the virtual ids of the transactions waiting for {@code table} are as {@code expected}. */
    public static List<String> await(JdbcClient jdbc, String table, Predicate<List<String>> expected) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<String> waiting = jdbc.sql("""
                            select l.virtualtransaction from pg_locks l join pg_class c on c.oid = l.relation
                            where c.relname = ? and not l.granted""")
                    .param(table).query(String.class).list();
            if (expected.test(waiting)) {
                return waiting;
            }
            if (System.nanoTime() - giveUp > 0) {
                throw new AssertionError("Still waiting for " + table + ": " + waiting);
            }
            Thread.sleep(5);
        }
    }
}
