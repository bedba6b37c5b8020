package vn.motsach.command.circulation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.motsach.command.school.SchoolCalendar;

/**
 * A loan's due date, and the day its borrower leaves when that held the date back: a patron whose
 * departure is still ahead borrows until then, each loan due by the last day before it that the
 * library is open. {@code leavesOn} is null when the departure (if any) did not shorten the loan.
 */
record LoanTerm(LocalDate dueOn, @Nullable LocalDate leavesOn) {

    /**
     * The term of a loan made or renewed on {@code day}: {@code dueOn} as the calendar has it, or
     * the last open day before the borrower leaves when that comes first, never before {@code day}
     * itself (a book a desk handed over offline to a patron leaving the next day is due that day).
     */
    static LoanTerm of(LocalDate dueOn, @Nullable LocalDate leavesOn, LocalDate day, SchoolCalendar calendar) {
        if (leavesOn == null) {
            return new LoanTerm(dueOn, null);
        }
        LocalDate lastDay = calendar.lastOpenDayBefore(leavesOn);
        if (!dueOn.isAfter(lastDay)) {
            return new LoanTerm(dueOn, null);
        }
        return new LoanTerm(lastDay.isAfter(day) ? lastDay : day, leavesOn);
    }

    /** Whether the borrower leaves before a day the book could come back on, after the day of the loan. */
    boolean noDayLeftAfter(LocalDate day) {
        return leavesOn != null && !dueOn.isAfter(day);
    }
}
