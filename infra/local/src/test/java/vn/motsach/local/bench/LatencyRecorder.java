package vn.motsach.local.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Latencies in microseconds, recorded from many threads; percentiles at the end. */
final class LatencyRecorder {

    private final long[] micros;
    private final AtomicInteger count = new AtomicInteger();

    LatencyRecorder(int capacity) {
        this.micros = new long[capacity];
    }

    void record(long nanos) {
        int index = count.getAndIncrement();
        if (index < micros.length) {
            micros[index] = nanos / 1_000;
        }
    }

    int count() {
        return Math.min(count.get(), micros.length);
    }

    /** @param percentile 0 to 100 */
    double millis(double percentile) {
        long[] sorted = Arrays.copyOf(micros, count());
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1000.0;
    }
}
