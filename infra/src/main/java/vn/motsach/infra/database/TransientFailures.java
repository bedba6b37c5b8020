package vn.motsach.infra.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The one place that tells a failure of the moment from a fault: PostgreSQL gave up on the
 * transaction for the sake of another one, or no connection could be had in time. Such a
 * failure is not the request's doing and trying again shortly makes sense, so it is answered
 * 503, never 500. Whatever wraps it (Axon's event store, Spring's translation, the command
 * gateway), the cause chain is searched. A failure that an event listener logged and let pass
 * is found too: pgjdbc makes it the cause of the next statement's "current transaction is
 * aborted" (25P02).
 */
public final class TransientFailures {

    /**
     * serialization_failure, deadlock_detected and lock_not_available (a {@code lock_timeout}):
     * the statement failed, so PostgreSQL aborted the whole transaction and nothing of it was
     * committed, even when it was the {@code COMMIT} that failed.
     */
    private static final Set<String> ROLLED_BACK = Set.of("40001", "40P01", "55P03");

    /**
     * The connection is not to be had for now: too many connections, the server starting or
     * shutting down, a statement cancelled by {@code statement_timeout}.
     */
    private static final Set<String> UNAVAILABLE = Set.of("53300", "57P01", "57P03", "57014");

    private static final int MAX_CAUSES = 32;

    private TransientFailures() {
    }

    /**
     * The transaction lost to another one and was rolled back whole: running the same work again
     * in a new transaction cannot apply it twice. So is a lost race for an aggregate's next
     * sequence number (Axon's {@link ConcurrencyException}, the event store's unique key).
     */
    public static boolean rolledBack(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof ConcurrencyException
                    || cause instanceof SQLException sql && ROLLED_BACK.contains(stateOf(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure of the moment, to be answered 503 with a {@code Retry-After}: one that
     * {@link #rolledBack rolled back}, or the database could not serve at all (no connection
     * from the pool in time, the server unreachable or refusing). The latter is not run again
     * here: the pool has already waited its whole timeout, and a lost connection leaves unknown
     * whether the commit went through.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql
                            && (stateOf(sql).startsWith("08") || UNAVAILABLE.contains(stateOf(sql)))) {
                return true;
            }
        }
        return rolledBack(failure);
    }

    private static String stateOf(SQLException sql) {
        return sql.getSQLState() == null ? "" : sql.getSQLState();
    }

    /** The failure and its causes, each once (a chain may come back on itself). */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && chain.size() < MAX_CAUSES && !chain.contains(cause);
                cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
