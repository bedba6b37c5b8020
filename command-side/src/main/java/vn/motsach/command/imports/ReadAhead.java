package vn.motsach.command.imports;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A file's records read on a thread of their own, a few batches ahead of the thread that applies
 * them: the next records are parsed while a batch is applied and committed, instead of after it.
 * The records arrive in the file's order, and what the reading throws (a file that cannot be read)
 * is thrown to the applying thread as it reached the record it failed at. When the applying thread
 * stops early (a cancelled job, a stopping process, a failure), the reading stops too.
 */
final class ReadAhead {

    private static final Object END = new Object();

    private ReadAhead() {
    }

    /** Gives {@code each} every record {@code reading} reads, reading on {@code readers}, at most {@code ahead} records ahead. */
    static <T> void forEach(Executor readers, int ahead, Consumer<Consumer<SourceRecord<T>>> reading, Consumer<SourceRecord<T>> each) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(ahead);
        Handover handover = new Handover(queue);
        readers.execute(() -> {
            try {
                reading.accept(handover::put);
                handover.put(END);
            } catch (Throwable e) {
                if (!handover.abandoned) {
                    handover.offer(new Failure(e));
                }
            } finally {
                handover.ended = true;
            }
        });
        try {
            while (true) {
                Object next = queue.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (handover.ended && queue.isEmpty()) {
                        throw new IllegalStateException("The reading of an import's file ended without its last record");
                    }
                    continue;
                }
                if (next == END) {
                    return;
                }
                if (next instanceof Failure failure) {
                    throw failure.thrown();
                }
                @SuppressWarnings("unchecked")
                SourceRecord<T> record = (SourceRecord<T>) next;
                each.accept(record);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while applying an import's records", e);
        } finally {
            handover.abandoned = true;
        }
    }

    /** The reading side's end of the queue: it waits for room, and gives up once the applying side has. */
    private static final class Handover {

        private final BlockingQueue<Object> queue;
        private volatile boolean abandoned;
        private volatile boolean ended;

        Handover(BlockingQueue<Object> queue) {
            this.queue = queue;
        }

        void put(Object item) {
            try {
                while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    if (abandoned) {
                        throw new Abandoned();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Abandoned();
            }
        }

        /** Hands over the reading's failure, unless the applying side has stopped waiting meanwhile. */
        void offer(Object item) {
            try {
                put(item);
            } catch (Abandoned abandoned) {
                // nobody waits for it: the applying side has its own reason to have stopped
            }
        }
    }

    /** What the reading threw, thrown again on the applying thread as it was (a checked one wrapped). */
    private record Failure(Throwable cause) {

        RuntimeException thrown() {
            if (cause instanceof Error error) {
                throw error;
            }
            return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(null, null, false, false);
        }
    }
}
