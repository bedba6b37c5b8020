package vn.motsach.infra.background;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Work no librarian waits for at the desk: relaying events to Kafka, the embedded broker and
 * Kafka Streams computing the metrics. Its threads run at the lowest priority, so on a busy
 * server a checkout goes first and the metrics follow a moment later; on an idle server nothing
 * changes. The projections are not background work: a query that asks to read its own write
 * waits for them.
 *
 * <p>Java passes thread priorities to Linux only in a JVM started with
 * {@code -XX:ThreadPriorityPolicy=1}, as the README's command does. Lowering a priority needs no
 * privilege. Without the option, priorities are ignored and everything runs at one priority.
 */
public final class BackgroundWork {

    public static final int PRIORITY = Thread.MIN_PRIORITY;
    public static final String JVM_OPTION = "-XX:ThreadPriorityPolicy=1";

    private BackgroundWork() {
    }

    /**
     * Runs {@code start} on a thread of background priority and returns what it returns. A new
     * Java thread takes its creator's priority, so every thread that {@code start} creates (a
     * broker's, a Streams application's, a producer's) is background work too, and so are the
     * threads those create later.
     */
    public static <T> T start(String what, Supplier<T> start) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread starter = new Thread(() -> {
            try {
                result.set(start.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "start " + what);
        starter.setPriority(PRIORITY);
        starter.start();
        boolean interrupted = false;
        while (starter.isAlive()) {
            try {
                starter.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new IllegalStateException("Could not start " + what, thrown);
        }
        return result.get();
    }

    /** Runs {@code start} as {@link #start(String, Supplier)} does, for starts that return nothing. */
    public static void run(String what, Runnable start) {
        start(what, () -> {
            start.run();
            return null;
        });
    }

    /** Background threads for an executor, named {@code name-1}, {@code name-2} and so on. */
    public static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setPriority(PRIORITY);
            return thread;
        };
    }

    /** Whether this JVM passes thread priorities to the operating system. */
    public static boolean prioritiesApply() {
        try {
            return "1".equals(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("ThreadPriorityPolicy").getValue());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
