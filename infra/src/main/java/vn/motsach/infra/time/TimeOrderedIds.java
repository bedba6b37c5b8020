package vn.motsach.infra.time;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version 7 UUIDs: the millisecond they were made, a 12-bit counter, then 62 random bits.
 * {@link UUID#randomUUID()} draws from one process-wide {@code SecureRandom} behind a lock; every
 * Axon message takes an id, so under load the desks queued on that lock. Ids need to be unique,
 * not unguessable: the time prefix keeps ids from different runs apart and the per-thread random
 * bits keep threads apart. Within a millisecond a thread counts up from a random start (RFC 9562's
 * monotonic counter), so the ids one thread makes sort in the order it made them: an import's
 * titles, made hundreds a millisecond, list and export in the order of the file.
 */
public final class TimeOrderedIds {

    private static final int COUNTER = 0xFFF;
    /** This thread's last id: its millisecond and its counter. */
    private static final ThreadLocal<long[]> LAST = ThreadLocal.withInitial(() -> new long[2]);

    private TimeOrderedIds() {
    }

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long[] last = LAST.get();
        long counter;
        if (millis <= last[0]) {
            // the same millisecond, or the clock stepped back: count on from this thread's last id
            millis = last[0];
            counter = last[1] + 1;
            if (counter > COUNTER) {
                millis++;
                counter = random.nextInt(COUNTER / 2);
            }
        } else {
            // start in the lower half, leaving room to count
            counter = random.nextInt(COUNTER / 2);
        }
        last[0] = millis;
        last[1] = counter;
        long high = (millis << 16) | 0x7000L | counter;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
