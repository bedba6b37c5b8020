package vn.motsach.command.patrons;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The one rule of a patron's departure: it takes effect on its day. One recorded ahead of it (a
 * year's rollover records the graduates' departure for the new year's first day, a roster may
 * carry a future "Ngày rời trường") has not happened yet: until that day the patron is at the
 * school, borrows and reads as any other. Every decision about whether a patron is a member on a
 * day reads it here.
 */
public final class Departures {

    private Departures() {
    }

    /**
     * Whether the patron is at the school on {@code day}: never left, or left on a day after it.
     *
     * @param active whether no departure is recorded (or the patron rejoined since)
     * @param leftOn the day the recorded departure takes effect, if any
     */
    public static boolean hereOn(boolean active, @Nullable LocalDate leftOn, LocalDate day) {
        return active || leftOn != null && leftOn.isAfter(day);
    }

    /** The day the patron leaves when that is still ahead of {@code day}; null when they stay, or have left. */
    public static @Nullable LocalDate leavesAfter(boolean active, @Nullable LocalDate leftOn, LocalDate day) {
        return !active && leftOn != null && leftOn.isAfter(day) ? leftOn : null;
    }
}
