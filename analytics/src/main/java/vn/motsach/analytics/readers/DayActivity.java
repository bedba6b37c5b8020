package vn.motsach.analytics.readers;

import java.time.Instant;

/** Loans and reading minutes of one student, or one class, on one day. */
public record DayActivity(int loans, int readingMinutes, Instant asOf) {

    static final DayActivity NONE = new DayActivity(0, 0, null);

    DayActivity plus(DayActivity other) {
        return new DayActivity(loans + other.loans, readingMinutes + other.readingMinutes, Latest.of(asOf, other.asOf));
    }
}
