package vn.motsach.analytics.readers;

import java.time.Instant;

/** The later of two instants, either possibly absent. */
public final class Latest {

    private Latest() {
    }

    public static Instant of(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
