package vn.motsach.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import vn.motsach.infra.time.TimeAutoConfiguration;

/** Dates as a Vietnamese school counts them, whatever the server's time zone. */
public final class SchoolDates {

    private SchoolDates() {
    }

    public static LocalDate today(Clock clock) {
        return dateOf(clock.instant());
    }

    /** The first moment of {@code day} at the school. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(TimeAutoConfiguration.SCHOOL_ZONE).toInstant();
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, TimeAutoConfiguration.SCHOOL_ZONE);
    }
}
