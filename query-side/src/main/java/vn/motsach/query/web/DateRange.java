package vn.motsach.query.web;

import java.time.LocalDate;
import vn.motsach.infra.web.RequestCheck;

/**
 * The dates a list is limited to, each optional: ISO dates within the years a school can have
 * (2000 to 2100), {@code to} not before {@code from}; a bad one is a 400 naming the field.
 */
public record DateRange(LocalDate from, LocalDate to) {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    public static DateRange of(RequestCheck check, String from, String to) {
        LocalDate start = date(check, "from", from);
        LocalDate end = date(check, "to", to);
        if (start != null && end != null && end.isBefore(start)) {
            check.problem("to", "notAfter", "from");
        }
        return new DateRange(start, end);
    }

    private static LocalDate date(RequestCheck check, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date = check.converted(field, value, LocalDate::parse);
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            check.problem(field, "range", EARLIEST, LATEST);
            return null;
        }
        return date;
    }
}
