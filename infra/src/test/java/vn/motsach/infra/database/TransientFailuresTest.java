package vn.motsach.infra.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures are of the moment (503, maybe run again) and which are faults (500). */
class TransientFailuresTest {

    @Test
    void aDeadlockASerializationFailureAndALockTimeoutRolledTheTransactionBack() {
        for (String state : new String[] {"40P01", "40001", "55P03"}) {
            SQLException sql = new SQLException("aborted", state);
            Exception wrapped = new CommandExecutionException("command failed",
                    new EventStoreException("An event could not be persisted", new CannotAcquireLockException("insert", sql)));

            assertThat(TransientFailures.rolledBack(sql)).as(state).isTrue();
            assertThat(TransientFailures.rolledBack(wrapped)).as(state + " however wrapped").isTrue();
            assertThat(TransientFailures.isTransient(wrapped)).as(state).isTrue();
        }
    }

    @Test
    void aLostRaceForTheAggregatesNextSequenceNumberRolledBackToo() {
        assertThat(TransientFailures.rolledBack(new ConcurrencyException("sequence 3 taken"))).isTrue();
    }

    @Test
    void noConnectionInTimeIsTransientButNotRunAgain() {
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 30000ms.");
        for (Exception failure : new Exception[] {
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction", poolTimeout),
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout),
                new QueryTimeoutException("statement_timeout", new SQLException("canceling statement", "57014")),
                new SQLException("the connection was lost, maybe after the commit", "08006"),
                new SQLException("sorry, too many clients already", "53300")}) {
            assertThat(TransientFailures.isTransient(failure)).as(failure.getMessage()).isTrue();
            assertThat(TransientFailures.rolledBack(failure)).as(failure.getMessage()).isFalse();
        }
    }

    @Test
    void faultsAreNeither() {
        for (Exception failure : new Exception[] {
                new DataIntegrityViolationException("duplicate key", new SQLException("duplicate key", "23505")),
                new SQLException("syntax error", "42601"), new SQLException("no state"),
                new IllegalStateException("a bug", new NullPointerException())}) {
            assertThat(TransientFailures.isTransient(failure)).as(failure.getMessage()).isFalse();
            assertThat(TransientFailures.rolledBack(failure)).as(failure.getMessage()).isFalse();
        }
    }

    @Test
    void aChainThatComesBackOnItselfEnds() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.initCause(second);

        assertThat(TransientFailures.isTransient(first)).isFalse();
    }
}
