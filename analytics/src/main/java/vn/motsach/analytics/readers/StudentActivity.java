package vn.motsach.analytics.readers;

import java.time.Instant;

/**
 * What one student did in one class in one period. The student is an active reader when any
 * count is above zero.
 *
 * @param readingMinutes minutes of reading the school saw (in the library, in the class corner):
 *     what every metric of reading minutes counts
 * @param selfReportedMinutes minutes of reading the student reported (at home), counted apart
 * @param readingSessions sessions of either kind
 * @param asOf when the newest event counted here happened
 */
public record StudentActivity(int loans, int readingMinutes, int selfReportedMinutes, int readingSessions,
        int libraryPeriodsAttended, int readingEvents, Instant asOf) {

    public static final StudentActivity NONE = new StudentActivity(0, 0, 0, 0, 0, 0, null);

    public boolean active() {
        return loans > 0 || readingSessions > 0 || libraryPeriodsAttended > 0 || readingEvents > 0;
    }

    public StudentActivity plus(StudentActivity other) {
        return new StudentActivity(loans + other.loans, readingMinutes + other.readingMinutes,
                selfReportedMinutes + other.selfReportedMinutes, readingSessions + other.readingSessions,
                libraryPeriodsAttended + other.libraryPeriodsAttended, readingEvents + other.readingEvents,
                Latest.of(asOf, other.asOf));
    }

    static StudentActivity loan(Instant at) {
        return new StudentActivity(1, 0, 0, 0, 0, 0, at);
    }

    /** A session, its minutes counted as seen or as reported by the event's own {@code selfReported}. */
    static StudentActivity session(int minutes, boolean selfReported, Instant at) {
        return selfReported ? new StudentActivity(0, 0, minutes, 1, 0, 0, at) : new StudentActivity(0, minutes, 0, 1, 0, 0, at);
    }

    static StudentActivity attendance(Instant at) {
        return new StudentActivity(0, 0, 0, 0, 1, 0, at);
    }

    static StudentActivity participation(Instant at) {
        return new StudentActivity(0, 0, 0, 0, 0, 1, at);
    }
}
