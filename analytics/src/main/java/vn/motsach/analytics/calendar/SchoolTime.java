package vn.motsach.analytics.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Every metric counts days as the school lives them: in Vietnam's time zone. */
public final class SchoolTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private SchoolTime() {
    }

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
