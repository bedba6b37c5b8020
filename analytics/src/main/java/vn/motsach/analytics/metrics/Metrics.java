package vn.motsach.analytics.metrics;

import java.time.Instant;

/**
 * The reading-culture metrics of a class, grade, school or authority for one period, as the
 * contract names them. Counts add up across schools; the rates are derived from the counts.
 *
 * @param readingMinutes minutes of reading the school saw (library, class corner): reading-minute
 *     targets count these
 * @param selfReportedReadingMinutes minutes students reported reading at home, apart
 * @param overdueLoans loans that became overdue in the period and are still out
 * @param overdueLoansNow loans overdue and still out today, whatever the period
 * @param libraryPeriodAttendances attendees summed over the library periods held
 * @param libraryPeriodSeats enrolled students summed over those periods
 * @param asOf when the newest event included happened
 */
public record Metrics(long loans, long activeReaders, long enrolledStudents, long readingMinutes,
        long selfReportedReadingMinutes, long libraryPeriods,
        long libraryPeriodAttendances, long libraryPeriodSeats, long readingEventParticipants, long overdueLoans,
        long overdueLoansNow, Instant asOf) {

    public static final Metrics NONE = new Metrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);

    public double activeReaderRate() {
        return ratio(activeReaders, enrolledStudents);
    }

    public double loansPerStudent() {
        return ratio(loans, enrolledStudents);
    }

    public double readingMinutesPerStudent() {
        return ratio(readingMinutes, enrolledStudents);
    }

    public double selfReportedReadingMinutesPerStudent() {
        return ratio(selfReportedReadingMinutes, enrolledStudents);
    }

    public double libraryPeriodAttendanceRate() {
        return ratio(libraryPeriodAttendances, libraryPeriodSeats);
    }

    public Metrics plus(Metrics other) {
        return new Metrics(loans + other.loans, activeReaders + other.activeReaders,
                enrolledStudents + other.enrolledStudents, readingMinutes + other.readingMinutes,
                selfReportedReadingMinutes + other.selfReportedReadingMinutes,
                libraryPeriods + other.libraryPeriods, libraryPeriodAttendances + other.libraryPeriodAttendances,
                libraryPeriodSeats + other.libraryPeriodSeats, readingEventParticipants + other.readingEventParticipants,
                overdueLoans + other.overdueLoans, overdueLoansNow + other.overdueLoansNow,
                vn.motsach.analytics.readers.Latest.of(asOf, other.asOf));
    }

    /** The metrics as an answer gives them, in the contract's order, as of {@code asOf}. */
    public MetricValues values(Instant asOf) {
        return new MetricValues(loans, activeReaders, enrolledStudents, activeReaderRate(), loansPerStudent(), readingMinutes,
                readingMinutesPerStudent(), selfReportedReadingMinutes, selfReportedReadingMinutesPerStudent(), libraryPeriods,
                libraryPeriodAttendanceRate(), libraryPeriodAttendances, libraryPeriodSeats, readingEventParticipants,
                overdueLoans, overdueLoansNow, asOf);
    }

    /** The metrics as an answer gives them, as of the newest event they include. */
    public MetricValues values() {
        return values(asOf);
    }

    /** Rounded to four places; 0 when there is nothing to divide by (no students enrolled). */
    static double ratio(long part, long whole) {
        if (whole == 0) {
            return 0;
        }
        return Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
