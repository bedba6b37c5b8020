package vn.motsach.infra.time;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version 7 UUIDs: the millisecond they were made, then 74 random bits. {@link UUID#randomUUID()}
 * draws from one process-wide {@code SecureRandom} behind a lock; every Axon message takes an id,
 * so under load the desks queued on that lock. Ids need to be unique, not unguessable: the time
 * prefix keeps ids from different runs apart and the per-thread random bits keep threads apart.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
