package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    private final List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService readers = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "reader");
        thread.setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        return thread;
    });

    @AfterEach
    void stop() {
        readers.shutdownNow();
    }

    @Test
    void recordsArriveInTheFilesOrderOnTheApplyingThread() {
        List<Integer> applied = new ArrayList<>();
        Thread applying = Thread.currentThread();
        ReadAhead.<String>forEach(readers, 3, records(1_000, null), record -> {
            assertThat(Thread.currentThread()).isSameAs(applying);
            applied.add(record.number());
        });
        assertThat(applied).hasSize(1_000).isSorted().startsWith(1, 2, 3).endsWith(1_000);
    }

    @Test
    void aFileThatCannotBeReadFailsAfterTheRecordsBeforeIt() {
        UnreadableFile damaged = new UnreadableFile("MARC_UNREADABLE", 8);
        List<Integer> applied = new ArrayList<>();
        assertThatThrownBy(() -> ReadAhead.<String>forEach(readers, 3, records(10, damaged), record -> applied.add(record.number())))
                .isSameAs(damaged);
        assertThat(applied).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void theReadingStopsWhenTheApplyingThreadDoes() throws Exception {
        AtomicInteger read = new AtomicInteger();
        RuntimeException cancelled = new IllegalStateException("cancelled");
        assertThatThrownBy(() -> ReadAhead.<String>forEach(readers, 3, each -> {
            for (int number = 1; number <= 1_000_000; number++) {
                read.incrementAndGet();
                each.accept(new SourceRecord<>(number, null, null, "", "r" + number));
            }
        }, record -> {
            if (record.number() == 5) {
                throw cancelled;
            }
        })).isSameAs(cancelled);
        readers.shutdown();
        assertThat(readers.awaitTermination(5, TimeUnit.SECONDS)).as("the reader gave up").isTrue();
        assertThat(read.get()).isLessThan(20);
    }

    @Test
    void aReadingThatFailsAfterTheApplyingThreadStoppedEndsQuietly() throws Exception {
        RuntimeException cancelled = new IllegalStateException("cancelled");
        assertThatThrownBy(() -> ReadAhead.<String>forEach(readers, 3, each -> {
            try {
                for (int number = 1; ; number++) {
                    each.accept(new SourceRecord<>(number, null, null, "", "r" + number));
                }
            } catch (RuntimeException stopped) {
                // a parser that wraps what its consumer threw
                throw new IllegalArgumentException("damaged", stopped);
            }
        }, record -> {
            if (record.number() == 2) {
                throw cancelled;
            }
        })).isSameAs(cancelled);
        readers.shutdown();
        assertThat(readers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(uncaught).isEmpty();
    }

    @Test
    void aReadingThatThrowsACheckedExceptionFailsTheApplyingThreadInsteadOfLeavingItWaiting() {
        assertThatThrownBy(() -> ReadAhead.<String>forEach(readers, 3, each -> sneaky(new java.io.IOException("disk")), record -> { }))
                .isInstanceOf(IllegalStateException.class).hasRootCauseInstanceOf(java.io.IOException.class);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneaky(Throwable e) throws E {
        throw (E) e;
    }

    /** Records 1 to {@code count}, or up to the one {@code failure} names, which fails the reading. */
    private static Consumer<Consumer<SourceRecord<String>>> records(int count, UnreadableFile failure) {
        return each -> {
            for (int number = 1; number <= count; number++) {
                if (failure != null && number == failure.record()) {
                    throw failure;
                }
                each.accept(new SourceRecord<>(number, null, null, "", "r" + number));
            }
        };
    }
}
