package vn.motsach.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Figures of a benchmark, printed and kept as {@code target/benchmarks/<name>.md} for the record:
 * written whole ({@link #write(String, String)}) or line by line after a title.
 */
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
        write(name, text.toString());
    }

    /** Prints {@code markdown} and keeps it as {@code <name>.md} in the {@link #directory()}. */
    public static void write(String name, String markdown) {
        System.out.println();
        System.out.println(markdown);
        try {
            Files.writeString(directory().resolve(name + ".md"), markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where reports (and whatever else a benchmark keeps, such as a profile) go; made when missing. */
    public static Path directory() {
        Path directory = Path.of("target", "benchmarks");
        try {
            return Files.createDirectories(directory);
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
