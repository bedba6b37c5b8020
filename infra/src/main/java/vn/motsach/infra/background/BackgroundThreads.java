package vn.motsach.infra.background;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for work no librarian waits on: imports, processors catching up with the event store,
 * the event store's reader, Kafka Streams computing the metrics. They run at a lower scheduling priority (Linux niceness
 * {@value #NICENESS}), so that on a server of two cores a desk's request runs as soon as it can
 * instead of waiting out a background thread's time slice at every step (its thread, the answer
 * from PostgreSQL); when no request waits, background work still has every core.
 * <p>
 * Java's own thread priorities do nothing on Linux unless the JVM is started with extra flags,
 * which the one-command start cannot rely on; so each thread, once started, lowers itself with
 * {@code renice} on its own id. Where the system offers neither (no {@code /proc/thread-self},
 * no {@code renice}), the threads keep the normal priority and the log says so once.
 */
public final class BackgroundThreads implements ThreadFactory {

    /** How far below the request threads background work runs (0 to 19; each step about a quarter less CPU when contended). */
    public static final int NICENESS = 10;

    private static final Logger log = LoggerFactory.getLogger(BackgroundThreads.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final AtomicBoolean told = new AtomicBoolean();

    private final String name;
    private final boolean numbered;
    private final int niceness;
    private final AtomicInteger created = new AtomicInteger();

    private BackgroundThreads(String name, boolean numbered, int niceness) {
        this.name = name;
        this.numbered = numbered;
        this.niceness = niceness;
    }

    /** Threads all named {@code name}: for an executor of one thread. */
    public static ThreadFactory single(String name) {
        return new BackgroundThreads(name, false, NICENESS);
    }

    /**
     * Threads all named {@code name} at {@code niceness} (1 to 19): for work a librarian follows as
     * it goes, which may run above the processors catching up with it.
     */
    public static ThreadFactory single(String name, int niceness) {
        if (niceness < 1 || niceness > 19) {
            throw new IllegalArgumentException("Background work's niceness is 1 to 19, not " + niceness);
        }
        return new BackgroundThreads(name, false, niceness);
    }

    /** Threads named {@code name-0}, {@code name-1}, …: for a pool. */
    public static ThreadFactory pool(String name) {
        return new BackgroundThreads(name, true, NICENESS);
    }

    @Override
    public Thread newThread(Runnable work) {
        Thread thread = new BackgroundThread(() -> {
            lowerCurrentThread(niceness);
            work.run();
        }, numbered ? name + "-" + created.getAndIncrement() : name, niceness);
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    }

    /** Whether the calling thread is one of these: its database work goes to sessions of the same low priority. */
    public static boolean isCurrent() {
        return Thread.currentThread() instanceof BackgroundThread;
    }

    /** The niceness the calling thread was made for: 0 for a thread not made here. */
    public static int currentNiceness() {
        return Thread.currentThread() instanceof BackgroundThread background ? background.niceness : 0;
    }

    /**
     * Runs {@code work} on a background thread and waits for its answer: for a library that starts
     * threads of its own (Kafka Streams), which inherit the priority of the thread that starts them.
     */
    public static <T> T startedInBackground(String name, Supplier<T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Thread thread = single(name).newThread(() -> {
            try {
                answer.complete(work.get());
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        });
        thread.start();
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + name + " started", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Lowers the calling thread's scheduling priority to {@code niceness}, unless it is that low already. */
    static void lowerCurrentThread(int niceness) {
        try {
            if (!Files.isSymbolicLink(THREAD_SELF)) {
                tellOnce("this system has no /proc/thread-self");
                return;
            }
            if (niceness() >= niceness) {
                return;
            }
            String threadId = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            String failure = lower(threadId, niceness);
            if (failure != null) {
                tellOnce(failure);
            }
        } catch (IOException | RuntimeException e) {
            tellOnce(e.toString());
        } catch (TimeoutException e) {
            tellOnce("renice did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Lowers the thread or process {@code id} (of this user) to {@code niceness}: null when done,
     * otherwise why it cannot be done here (no renice, not allowed).
     */
    static String lower(String id, int niceness) throws IOException, InterruptedException, TimeoutException {
        Process renice = new ProcessBuilder("renice", "-n", Integer.toString(niceness), "-p", id)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!renice.waitFor(10, TimeUnit.SECONDS)) {
            renice.destroyForcibly();
            throw new TimeoutException("renice did not answer");
        }
        return renice.exitValue() == 0 ? null : "renice failed with status " + renice.exitValue();
    }

    /** The calling thread's niceness. */
    static int niceness() throws IOException {
        return niceness(THREAD_SELF.resolve("stat"));
    }

    /** The niceness in a stat file of /proc: its 19th field (after the name in parentheses, which may hold spaces). */
    public static int niceness(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    /** A thread of this factory, told apart from others by its class. */
    private static final class BackgroundThread extends Thread {

        private final int niceness;

        BackgroundThread(Runnable work, String name, int niceness) {
            super(work, name);
            this.niceness = niceness;
        }
    }

    private static void tellOnce(String why) {
        if (told.compareAndSet(false, true)) {
            log.info("Background work runs at the requests' priority ({})", why);
        }
    }
}
