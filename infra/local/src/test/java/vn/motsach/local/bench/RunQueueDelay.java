package vn.motsach.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How long this JVM's request threads ({@code http-nio-...}) have waited for a core, from the
 * kernel's scheduler statistics ({@code /proc/self/task/<tid>/schedstat}, second field: time
 * runnable but not running). Read before and after a phase, divided by its requests, it tells
 * how much of a request's time went to queueing for the CPU rather than to its own work.
 */
final class RunQueueDelay {

    private RunQueueDelay() {
    }

    /** Nanoseconds the request threads have waited runnable so far; 0 where the kernel does not report it. */
    static long requestThreads() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        try (Stream<Path> each = Files.list(tasks)) {
            return each.mapToLong(RunQueueDelay::waitedIfRequestThread).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Nanoseconds the thread named {@code name} has run on a core and waited runnable for one so far
     * (the kernel's first two figures); zeros where it does not report them.
     */
    static long[] thread(String name) {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new long[2];
        }
        try (Stream<Path> each = Files.list(tasks)) {
            for (Path task : each.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).strip().equals(name)) {
                        String[] figures = Files.readString(task.resolve("schedstat")).trim().split(" ");
                        return new long[] {Long.parseLong(figures[0]), Long.parseLong(figures[1])};
                    }
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
            return new long[2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long waitedIfRequestThread(Path task) {
        try {
            if (!Files.readString(task.resolve("comm")).startsWith("http-nio")) {
                return 0;
            }
            return Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended meanwhile
        }
    }
}
