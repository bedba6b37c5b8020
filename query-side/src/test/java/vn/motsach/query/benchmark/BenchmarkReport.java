package vn.motsach.query.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Figures of a benchmark, printed and written to {@code target/benchmarks/<name>.md}. */
public final class BenchmarkReport {

    private final String name;
    private final StringBuilder text = new StringBuilder();

    public BenchmarkReport(String name, String title) {
        this.name = name;
        text.append("# ").append(title).append("\n\n");
    }

    public BenchmarkReport line(String line) {
        text.append(line).append('\n');
        return this;
    }

    public void write() {
        System.out.println(text);
        try {
            Path directory = Path.of("target", "benchmarks");
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name + ".md"), text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code p}-th percentile (0..100) of durations in nanoseconds, in milliseconds. */
    public static double percentileMillis(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }
}
