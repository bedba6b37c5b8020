package vn.motsach.local.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU this JVM's threads used, by kind of thread (the name without its numbers: every
 * processor's workers, the request threads, the import's thread, Kafka's), between two readings.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> nanosById = new HashMap<>();
    private final Map<Long, String> kindById = new HashMap<>();

    private ThreadCpu() {
    }

    static ThreadCpu read() {
        ThreadCpu reading = new ThreadCpu();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null) {
                long nanos = THREADS.getThreadCpuTime(thread.getThreadId());
                if (nanos >= 0) {
                    reading.nanosById.put(thread.getThreadId(), nanos);
                    reading.kindById.put(thread.getThreadId(), thread.getThreadName().replaceAll("[0-9]+", "#"));
                }
            }
        }
        return reading;
    }

    /** A table of the kinds of thread that used the most CPU since {@code before}, over {@code seconds} of wall time. */
    String since(ThreadCpu before, double seconds, int top) {
        Map<String, Long> byKind = new HashMap<>();
        nanosById.forEach((id, nanos) -> byKind.merge(kindById.get(id), nanos - before.nanosById.getOrDefault(id, 0L), Long::sum));
        long total = byKind.values().stream().mapToLong(Long::longValue).sum();
        return String.format(Locale.ROOT, "The JVM used %.2f cores over %.0f s; by kind of thread (cores):%n%n", total / 1e9 / seconds,
                seconds)
                + byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                        .map(entry -> String.format(Locale.ROOT, "- `%s` %.3f", entry.getKey(), entry.getValue() / 1e9 / seconds))
                        .collect(Collectors.joining("\n"))
                + "\n";
    }
}
