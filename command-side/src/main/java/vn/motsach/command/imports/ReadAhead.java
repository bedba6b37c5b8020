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
            } catch (Abandoned abandoned) {
                // the applying thread has stopped: nobody waits for the rest
            } catch (RuntimeException | Error e) {
                handover.put(new Failure(e));
            }
        });
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) {
                    return;
                }
                if (next instanceof Failure failure) {
                    if (failure.cause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw (Error) failure.cause();
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
    }

    private record Failure(Throwable cause) {
    }

    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(null, null, false, false);
        }
    }
}
