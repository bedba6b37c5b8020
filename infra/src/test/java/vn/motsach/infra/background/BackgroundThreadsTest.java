package vn.motsach.infra.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundThreadsTest {

    @Test
    void aBackgroundThreadRunsLowerThanTheThreadThatMadeIt() throws Exception {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux only");
        int mine = BackgroundThreads.niceness();
        ExecutorService pool = Executors.newFixedThreadPool(2, BackgroundThreads.pool("test-background"));
        try {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(BackgroundThreadsTest::niceness, pool);
            CompletableFuture<String> name = CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), pool);
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(Math.max(mine, BackgroundThreads.NICENESS));
            assertThat(name.get(30, TimeUnit.SECONDS)).startsWith("test-background-");
        } finally {
            pool.shutdownNow();
        }
        assertThat(BackgroundThreads.niceness()).isEqualTo(mine);
    }

    @Test
    void aThreadAlreadyLowKeepsItsPriority() throws Exception {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux only");
        ExecutorService outer = Executors.newSingleThreadExecutor(BackgroundThreads.single("test-outer"));
        try {
            // a background thread that starts another: the second inherits the first's niceness and stays there
            int inner = outer.submit(() -> {
                ExecutorService nested = Executors.newSingleThreadExecutor(BackgroundThreads.single("test-inner"));
                try {
                    return nested.submit(BackgroundThreadsTest::niceness).get(30, TimeUnit.SECONDS);
                } finally {
                    nested.shutdownNow();
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(inner).isEqualTo(Math.max(BackgroundThreads.niceness(), BackgroundThreads.NICENESS));
        } finally {
            outer.shutdownNow();
        }
    }

    @Test
    void threadsALibraryStartsInTheBackgroundRunLowerAndItsAnswerComesBack() throws Exception {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux only");
        int mine = BackgroundThreads.niceness();
        CompletableFuture<Integer> started = new CompletableFuture<>();
        // as Kafka Streams is: made and started in the background, its plain threads of its own
        BackgroundThreads.startedInBackground("test-start", () -> {
            Thread library = new Thread(() -> started.complete(niceness()));
            library.start();
            return library;
        });
        assertThat(started.get(30, TimeUnit.SECONDS)).isEqualTo(Math.max(mine, BackgroundThreads.NICENESS));
        assertThat(BackgroundThreads.niceness()).isEqualTo(mine);
        assertThatThrownBy(() -> BackgroundThreads.startedInBackground("test-fails", () -> {
            throw new IllegalArgumentException("refused");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("refused");
    }

    private static int niceness() {
        try {
            return BackgroundThreads.niceness();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
