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

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, TimeAutoConfiguration.SCHOOL_ZONE);
    }
}
