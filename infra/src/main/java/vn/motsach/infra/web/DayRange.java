package vn.motsach.infra.web;

import java.time.LocalDate;

/**
 * A range of days a read is limited to, as {@code from} and {@code to} query parameters
 * ({@code YYYY-MM-DD}, both included, either left open), each within {@link InputBounds} so that
 * no answer is asked for across millennia, and {@code to} not before {@code from}.
 */
public record DayRange(LocalDate from, LocalDate to) {

    /** The range the request's {@code from} and {@code to} name, recording any problem in its check. */
    public static DayRange of(RequestValues in) {
        return of(in.check(), in.value("from"), in.value("to"));
    }

    /** The range the parameters name, recording any problem in {@code check}. */
    public static DayRange of(RequestCheck check, String from, String to) {
        LocalDate first = check.date("from", from);
        LocalDate last = check.date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            check.problem("to", "notBefore", first);
            return new DayRange(null, null);
        }
        return new DayRange(first, last);
    }
}
