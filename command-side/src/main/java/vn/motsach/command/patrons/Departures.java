package vn.motsach.command.patrons;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;

/**
 * The one rule of a patron's departure: it takes effect on its day. One recorded ahead of it (a
 * year's rollover records the graduates' departure for the new year's first day, a roster may
 * carry a future "Ngày rời trường") has not happened yet: until that day the patron is at the
 * school, borrows and reads as any other. Every decision about whether a patron is a member on a
 * day reads it here.
 */
public final class Departures {

    /** 05/09/2026: a day as a librarian writes it, in either language of the message. */
    private static final DateTimeFormatter AS_WRITTEN = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private Departures() {
    }

    /**
     * A patron leaves a school they had joined: a departure dated before the day they joined it
     * (their registration, or their return after an earlier departure) cannot be true, most often
     * a mistyped year. Refused as DEPARTURE_BEFORE_REGISTRATION with both days as written. Every
     * departure (the single request, a rollover's graduates) is decided by the patron's aggregate
     * through this rule.
     */
    public static void refuseWhenBeforeJoining(PatronId patron, LocalDate leftOn, LocalDate joinedOn) {
        if (leftOn.isBefore(joinedOn)) {
            throw new Refused(RefusalCode.DEPARTURE_BEFORE_REGISTRATION, patron.value(), AS_WRITTEN.format(leftOn),
                    AS_WRITTEN.format(joinedOn));
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
