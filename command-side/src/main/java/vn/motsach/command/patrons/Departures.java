package vn.motsach.command.patrons;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;

/**
 * The rules of a patron's departure. It takes effect on its day: one recorded ahead of it (a
 * year's rollover records the graduates' departure for the new year's first day, a departure may
 * be asked for with a later {@code leftOn}) has not happened yet: until that day the patron is at
 * the school, borrows and reads as any other. Every decision about whether a patron is a member on
 * a day reads it here. And it is dated on or after the day the patron joined the school. (The
 * roster workbook carries no departure: the single request and the rollover are the only ways in.)
 */
public final class Departures {

    private Departures() {
    }

    /**
     * A patron leaves a school they had joined: a departure dated before the day they joined it
     * (their registration, or their return after an earlier departure) cannot be true, most often
     * a mistyped year. Refused as DEPARTURE_BEFORE_REGISTRATION naming both days. Every
     * departure (the single request, a rollover's graduates) is decided by the patron's aggregate
     * through this rule.
     */
    public static void refuseWhenBeforeJoining(PatronId patron, LocalDate leftOn, LocalDate joinedOn) {
        if (leftOn.isBefore(joinedOn)) {
            throw new Refused(RefusalCode.DEPARTURE_BEFORE_REGISTRATION, patron.value(), leftOn, joinedOn);
        }
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
