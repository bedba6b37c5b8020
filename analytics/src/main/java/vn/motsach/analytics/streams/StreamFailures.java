package vn.motsach.analytics.streams;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The failures of the stream threads. Streams replaces a failed thread, which then meets the
 * same record again: a record that cannot be processed makes the threads fail over and over
 * while the instance stays {@code RUNNING}, so the state alone says nothing of it.
 */
public final class StreamFailures {

    private final Clock clock;
    private final AtomicReference<Failure> last = new AtomicReference<>();

    public StreamFailures(Clock clock) {
        this.clock = clock;
    }

    void record(Throwable failure) {
        Instant now = clock.instant();
        last.updateAndGet(previous -> new Failure(now, String.valueOf(failure), previous == null ? 1 : previous.count() + 1));
    }

    Optional<Failure> last() {
        return Optional.ofNullable(last.get());
    }

    /**
     * @param at when the thread failed last
     * @param error what it failed with
     * @param count how many threads have failed since the instance started
     */
    record Failure(Instant at, String error, long count) {
    }
}
