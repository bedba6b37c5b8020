package vn.motsach.infra.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {

    @Test
    void threadsStartedInTheBackgroundAndTheirThreadsHaveItsPriority() throws Exception {
        CompletableFuture<Integer> grandchild = new CompletableFuture<>();
        Thread started = BackgroundWork.start("a component", () -> new Thread(() -> {
            Thread later = new Thread(() -> grandchild.complete(Thread.currentThread().getPriority()));
            later.start();
        }));
        assertThat(started.getPriority()).isEqualTo(BackgroundWork.PRIORITY).isLessThan(Thread.NORM_PRIORITY);

        started.start();
        assertThat(grandchild.get(10, TimeUnit.SECONDS)).isEqualTo(BackgroundWork.PRIORITY);
        assertThat(Thread.currentThread().getPriority()).isEqualTo(Thread.NORM_PRIORITY);
    }

    @Test
    void aFailedStartFailsTheCaller() {
        assertThatThrownBy(() -> BackgroundWork.run("a broken component", () -> {
            throw new IllegalStateException("port in use");
        })).isInstanceOf(IllegalStateException.class).hasMessage("port in use");
    }

    @Test
    void executorThreadsAreBackgroundThreadsWithNumberedNames() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(1, BackgroundWork.threads("Relay"));
        try {
            Thread thread = executor.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
            assertThat(thread.getName()).isEqualTo("Relay-1");
            assertThat(thread.getPriority()).isEqualTo(BackgroundWork.PRIORITY);
        } finally {
            executor.shutdownNow();
        }
    }
}
