package vn.motsach.command.execution;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import vn.motsach.infra.database.TransientFailures;

/**
 * Runs a transaction that sends commands again, whole and from scratch, when it was rolled back
 * for another transaction's sake, so that each run decides on state loaded afresh. A command
 * that lost a race for an aggregate's next sequence number runs again at once, as often as
 * several instances may keep it losing. One PostgreSQL gave up on (a deadlock, a serialization
 * failure, a {@code lock_timeout}) runs again a few times after a short, jittered pause, so
 * that the transactions it met do not meet again in step; then the failure is the caller's
 * (answered 503). Only work that was rolled back runs again, so nothing is applied twice; any
 * other failure is thrown as it is.
 */
public final class TransactionRetries {

    private static final int RACES = 8;
    static final int ROLLBACKS = 3;
    private static final long FIRST_PAUSE_MILLIS = 40;

    private TransactionRetries() {
    }

    /** {@code transaction} must be one transaction, begun and ended inside it. */
    public static <T> T retrying(Supplier<T> transaction) {
        int races = 0;
        int rollbacks = 0;
        while (true) {
            try {
                return transaction.get();
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                if (++races == RACES) {
                    throw e;
                }
            } catch (RuntimeException e) {
                if (!TransientFailures.rolledBack(e) || ++rollbacks == ROLLBACKS) {
                    throw e;
                }
                pause(rollbacks, e);
            }
        }
    }

    /** As {@link #retrying(Supplier)}, for a transaction that answers nothing. */
    public static void retryingWithoutResult(Runnable transaction) {
        retrying(() -> {
            transaction.run();
            return null;
        });
    }

    /** Between half and all of a pause that doubles with each rollback. */
    private static void pause(int rollbacks, RuntimeException failure) {
        long longest = FIRST_PAUSE_MILLIS << (rollbacks - 1);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(longest / 2, longest + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
