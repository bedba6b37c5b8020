package vn.motsach.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;
import vn.motsach.infra.background.BackgroundThreads;

/** The scheduling priorities (Linux niceness) of this JVM's threads and of other processes, for tests of background work. */
public final class Niceness {

    private Niceness() {
    }

    /** The niceness of this JVM's threads, by their name as the kernel keeps it (15 characters at most). */
    public static Map<String, List<Integer>> ofThreads() {
        Map<String, List<Integer>> niceness = new TreeMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    niceness.computeIfAbsent(name, k -> new ArrayList<>()).add(BackgroundThreads.niceness(thread.resolve("stat")));
                } catch (NoSuchFileException ended) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return niceness;
    }

    /** The niceness of process {@code pid}, or none when it has ended meanwhile. */
    public static OptionalInt ofProcess(long pid) {
        try {
            return OptionalInt.of(BackgroundThreads.niceness(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (NoSuchFileException ended) {
            return OptionalInt.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
