package vn.motsach.infra.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CompilerThreadsTest {

    private static final Path TASKS = Path.of("/proc/self/task");

    @Test
    void theJitCompilersRunBelowTheRequests() throws IOException {
        assumeTrue(Files.isDirectory(TASKS), "Linux only");
        assumeTrue(!niceness("C2 CompilerThre").isEmpty(), "a JVM with HotSpot's C2 compiler");
        int mine = BackgroundThreads.niceness();
        List<Integer> main = niceness("main");

        // HotSpot adds and retires compiler threads as it goes (one it adds inherits the niceness of
        // the compiler thread that starts it), so the count is not exact
        int lowered = CompilerThreads.lower(5);

        assertThat(lowered).isGreaterThanOrEqualTo(mine < 5 ? 1 : 0);
        assertThat(niceness("C2 CompilerThre")).isNotEmpty().allMatch(nice -> nice >= Math.max(5, mine));
        assertThat(niceness("C1 CompilerThre")).allMatch(nice -> nice >= Math.max(5, mine));
        // the other threads keep theirs: this one, and the JVM's main thread
        assertThat(BackgroundThreads.niceness()).isEqualTo(mine);
        assertThat(niceness("main")).isEqualTo(main);
        // lowered already: nothing more to do
        assertThat(CompilerThreads.lower(5)).isZero();
    }

    /** The niceness of this JVM's threads of that name (as the kernel keeps it, 15 characters). */
    private static List<Integer> niceness(String name) throws IOException {
        try (Stream<Path> threads = Files.list(TASKS)) {
            return threads.filter(thread -> name.equals(comm(thread))).map(thread -> {
                try {
                    return BackgroundThreads.niceness(thread.resolve("stat"));
                } catch (IOException e) {
                    return -1;
                }
            }).toList();
        }
    }

    private static String comm(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).strip();
        } catch (IOException ended) {
            return "";
        }
    }
}
