package vn.motsach.analytics.readers;

import java.time.Instant;

/**
 * What a class did as a whole in one period: its library periods with their attendance, and
 * the loans that became overdue in the period and are still out.
 *
 * @param libraryPeriodAttendances attendees summed over the periods held
 * @param libraryPeriodSeats enrolled students summed over the periods held (the denominator)
 */
public record ClassTotals(int libraryPeriods, int libraryPeriodAttendances, int libraryPeriodSeats, int overdueLoans,
        Instant asOf) {

    ClassTotals plus(ClassTotals other) {
        return new ClassTotals(libraryPeriods + other.libraryPeriods,
                libraryPeriodAttendances + other.libraryPeriodAttendances, libraryPeriodSeats + other.libraryPeriodSeats,
                overdueLoans + other.overdueLoans, Latest.of(asOf, other.asOf));
    }
}
