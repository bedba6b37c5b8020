package vn.motsach.analytics.metrics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** The fields of an answer, in the contract's order. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("loans", loans);
        fields.put("activeReaders", activeReaders);
        fields.put("enrolledStudents", enrolledStudents);
        fields.put("activeReaderRate", activeReaderRate());
        fields.put("loansPerStudent", loansPerStudent());
        fields.put("readingMinutes", readingMinutes);
        fields.put("readingMinutesPerStudent", readingMinutesPerStudent());
        fields.put("selfReportedReadingMinutes", selfReportedReadingMinutes);
        fields.put("selfReportedReadingMinutesPerStudent", selfReportedReadingMinutesPerStudent());
        fields.put("libraryPeriods", libraryPeriods);
        fields.put("libraryPeriodAttendanceRate", libraryPeriodAttendanceRate());
        fields.put("libraryPeriodAttendances", libraryPeriodAttendances);
        fields.put("libraryPeriodSeats", libraryPeriodSeats);
        fields.put("readingEventParticipants", readingEventParticipants);
        fields.put("overdueLoans", overdueLoans);
        fields.put("overdueLoansNow", overdueLoansNow);
        fields.put("asOf", asOf);
        return fields;
    }

    /** Rounded to four places; 0 when there is nothing to divide by (no students enrolled). */
    static double ratio(long part, long whole) {
        if (whole == 0) {
            return 0;
        }
        return Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
