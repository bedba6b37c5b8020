package vn.motsach.query;

import org.axonframework.eventhandling.TrackingToken;

/** The global position of the event a projection is handling: the guard of every idempotent write. */
public final class EventPosition {

    private EventPosition() {
    }

    public static long of(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("Event without a position: " + token));
    }
}
