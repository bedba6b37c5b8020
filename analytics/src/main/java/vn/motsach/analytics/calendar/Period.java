package vn.motsach.analytics.calendar;

import java.time.LocalDate;
import vn.motsach.events.MetricPeriod;

/**
 * One period of the school calendar, such as the week of 2026-02-16 or Học kỳ II.
 *
 * @param to the last day, inclusive
 */
public record Period(MetricPeriod kind, LocalDate from, LocalDate to) {

    /** {@code WEEK|2026-02-16}: sorts by kind, then by date, in a store key. */
    public String key() {
        return kind.name() + "|" + from;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    public boolean overlaps(LocalDate start, LocalDate end) {
        return (end == null || !end.isBefore(from)) && (start == null || !start.isAfter(to));
    }
}
