package vn.motsach.infra.background;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM's just-in-time compilers, lowered to background work's priority. A JVM compiles the
 * code it runs hot during its first minutes and again whenever new work comes (the first import,
 * a report no one asked for before): on a server of two cores the compiler threads took a large
 * share of a core through an import, at the requests' priority, and a desk's request waited for a
 * core behind them (docs/benchmarks.md, the import). The code a desk runs has long been compiled
 * by then; the compilers do not need to run before its request.
 * <p>
 * HotSpot names them {@code C1 CompilerThread<n>} and {@code C2 CompilerThread<n>} (the kernel
 * keeps 15 characters). A compiler thread the JVM adds later is started by a compiler thread and
 * inherits its priority.
 */
final class CompilerThreads {

    private static final Logger log = LoggerFactory.getLogger(CompilerThreads.class);
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final List<String> NAMES = List.of("C1 CompilerThre", "C2 CompilerThre", "JVMCI CompilerT");

    private CompilerThreads() {
    }

    /** Lowers every compiler thread of this JVM to {@code niceness}; how many it lowered. */
    static int lower(int niceness) {
        if (!Files.isDirectory(TASKS)) {
            return 0;
        }
        int lowered = 0;
        try (Stream<Path> threads = Files.list(TASKS)) {
            for (Path thread : threads.toList()) {
                try {
                    if (isCompiler(thread) && BackgroundThreads.niceness(thread.resolve("stat")) < niceness) {
                        String failure = BackgroundThreads.lower(thread.getFileName().toString(), niceness);
                        if (failure != null) {
                            log.info("The JIT compilers run at the requests' priority ({})", failure);
                            return lowered;
                        }
                        lowered++;
                    }
                } catch (NoSuchFileException ended) {
                    // a compiler thread the JVM retired meanwhile: the others are still lowered
                }
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            log.info("The JIT compilers run at the requests' priority ({})", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lowered;
    }

    private static boolean isCompiler(Path thread) throws IOException {
        String name = Files.readString(thread.resolve("comm")).strip();
        return NAMES.stream().anyMatch(name::startsWith);
    }
}
