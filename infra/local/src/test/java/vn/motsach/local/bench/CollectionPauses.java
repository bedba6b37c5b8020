package vn.motsach.local.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The JVM's collection pauses as its collectors report them, on the clock of {@link System#nanoTime()}:
 * to tell how much of a slow request was the JVM stopped rather than the request waiting for a
 * core or for PostgreSQL. The collectors report times in milliseconds since the JVM started, so a
 * pause is placed to the millisecond. On JDK 17 G1's remark and cleanup pauses (short, once a
 * concurrent cycle) are not reported, so the figures are of the evacuation pauses.
 */
final class CollectionPauses implements AutoCloseable {

    private final long startedAtNanos;
    private final List<long[]> pauses = new ArrayList<>();
    private final List<Runnable> removals = new ArrayList<>();

    CollectionPauses() {
        this.startedAtNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                // ZGC's and Shenandoah's "... Cycles" run beside the application; G1's "Concurrent GC"
                // (JDK 20 on) reports its remark and cleanup, which stop it (JDK 17 reports them nowhere)
                if (!info.getGcName().endsWith("Cycles")) {
                    long start = startedAtNanos + info.getGcInfo().getStartTime() * 1_000_000;
                    long end = startedAtNanos + Math.max(info.getGcInfo().getEndTime(), info.getGcInfo().getStartTime() + 1) * 1_000_000;
                    synchronized (pauses) {
                        pauses.add(new long[] {start, end});
                    }
                }
            }
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            NotificationEmitter emitter = (NotificationEmitter) collector;
            emitter.addNotificationListener(listener, null, null);
            removals.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // already gone
                }
            });
        }
    }

    /** How long the JVM was stopped between {@code fromNanos} and {@code toNanos}. */
    long pausedNanos(long fromNanos, long toNanos) {
        long paused = 0;
        synchronized (pauses) {
            for (long[] pause : pauses) {
                paused += Math.max(0, Math.min(toNanos, pause[1]) - Math.max(fromNanos, pause[0]));
            }
        }
        return paused;
    }

    /** The pauses that began between {@code fromNanos} and {@code toNanos}: how many, their time, the longest. */
    String between(long fromNanos, long toNanos) {
        long count = 0;
        long total = 0;
        long longest = 0;
        synchronized (pauses) {
            for (long[] pause : pauses) {
                if (pause[0] >= fromNanos && pause[0] < toNanos) {
                    count++;
                    total += pause[1] - pause[0];
                    longest = Math.max(longest, pause[1] - pause[0]);
                }
            }
        }
        double seconds = (toNanos - fromNanos) / 1e9;
        return String.format(Locale.ROOT, "%d collection pauses (%.1f a second), %.0f ms in all (%.1f %% of the time), the longest %.0f ms",
                count, count / seconds, total / 1e6, total / 1e7 / seconds, longest / 1e6);
    }

    @Override
    public void close() {
        removals.forEach(Runnable::run);
    }
}
