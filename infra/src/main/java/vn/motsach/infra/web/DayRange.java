package vn.motsach.infra.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A range of days a read is limited to, as {@code from} and {@code to} query parameters
 * ({@code YYYY-MM-DD}, both included, either left open). Days are bounded to the years a school
 * library can have records of, so that no answer is asked for across millennia.
 */
public record DayRange(LocalDate from, LocalDate to) {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** The range the parameters name, recording any problem in {@code check}. */
    public static DayRange of(RequestCheck check, String from, String to) {
        LocalDate first = day(check, "from", from);
        LocalDate last = day(check, "to", to);
        if (first != null && last != null && last.isBefore(first)) {
            check.problem("to", "notBefore", first);
            return new DayRange(null, null);
        }
        return new DayRange(first, last);
    }

    private static LocalDate day(RequestCheck check, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = value.length() == 10 ? LocalDate.parse(value) : null;
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null) {
            check.problem(field, "date");
            return null;
        }
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            check.problem(field, "range", EARLIEST, LATEST);
            return null;
        }
        return day;
    }
}
