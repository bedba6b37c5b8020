package vn.motsach.command.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;

/** Which failed transactions run again, and how often. */
class TransactionRetriesTest {

    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aTransactionPostgresqlRolledBackRunsAgainUntilItCommits() {
        String result = TransactionRetries.retrying(() -> {
            if (runs.incrementAndGet() < TransactionRetries.ROLLBACKS) {
                throw new CannotAcquireLockException("insert", new SQLException("deadlock detected", "40P01"));
            }
            return "committed";
        });

        assertThat(result).isEqualTo("committed");
        assertThat(runs).hasValue(TransactionRetries.ROLLBACKS);
    }

    @Test
    void aFewRunsAtMostThenTheFailureIsTheCallers() {
        RuntimeException serialization = new CannotAcquireLockException("update", new SQLException("could not serialize", "40001"));

        assertThatThrownBy(() -> TransactionRetries.retrying(() -> {
            runs.incrementAndGet();
            throw serialization;
        })).isSameAs(serialization);
        assertThat(runs).hasValue(TransactionRetries.ROLLBACKS);
    }

    @Test
    void aLostRaceRunsAgainMoreOftenAndAtOnce() {
        assertThatThrownBy(() -> TransactionRetries.retrying(() -> {
            runs.incrementAndGet();
            throw new ConcurrencyException("sequence taken");
        })).isInstanceOf(ConcurrencyException.class);
        assertThat(runs).hasValue(8);
    }

    @Test
    void refusalsFaultsAndFailuresThatMayHaveCommittedRunOnce() {
        for (RuntimeException failure : new RuntimeException[] {new Refused(RefusalCode.COPY_NOT_ON_LOAN, "X"),
                new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505")),
                new CannotGetJdbcConnectionException("no connection in time"),
                new IllegalStateException("connection lost at commit", new SQLException("connection failure", "08006"))}) {
            runs.set(0);
            assertThatThrownBy(() -> TransactionRetries.retrying(() -> {
                runs.incrementAndGet();
                throw failure;
            })).isSameAs(failure);
            assertThat(runs).as(failure.toString()).hasValue(1);
        }
    }
}
