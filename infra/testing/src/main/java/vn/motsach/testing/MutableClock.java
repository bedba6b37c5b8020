package vn.motsach.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A clock tests move by hand, in the schools' time zone: due dates, overdue loans and hold
 * expiry become deterministic.
 */
public final class MutableClock extends Clock {

    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    /** A clock at {@code time} on {@code day} in Vietnam. */
    public static MutableClock at(LocalDate day, LocalTime time) {
        return new MutableClock(day.atTime(time).atZone(SCHOOL_ZONE).toInstant());
    }

    public void setTo(LocalDate day, LocalTime time) {
        now = day.atTime(time).atZone(SCHOOL_ZONE).toInstant();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, SCHOOL_ZONE);
    }

    @Override
    public ZoneId getZone() {
        return SCHOOL_ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
