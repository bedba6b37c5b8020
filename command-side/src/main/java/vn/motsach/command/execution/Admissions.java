package vn.motsach.command.execution;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many commands are decided at once; the others wait their turn, first come first served,
 * and after {@code patience} are told to try again ({@link CommandsBusy}). Commands let in
 * beyond what the cores can serve make the database and the event processors queue for them,
 * so every desk waits longer than when the desks take turns.
 */
final class Admissions {

    private final Semaphore turns;
    private final Duration patience;

    Admissions(int concurrency, Duration patience) {
        this.turns = new Semaphore(concurrency, true);
        this.patience = patience;
    }

    <T> T admit(Supplier<T> work) {
        try {
            if (!turns.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CommandsBusy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandsBusy();
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
