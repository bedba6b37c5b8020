package vn.motsach.analytics.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A period as the calendar months wholly inside it and the runs of days left at its ends.
 * Activity is counted per day and per month, so any period (a week, a month, a semester or a
 * school year, as the calendar says now) is the sum of these parts, each event counted once.
 *
 * @param days at most two runs: the days before the first whole month and after the last one,
 *     or the whole period when no month fits in it
 */
public record PeriodParts(List<YearMonth> months, List<Days> days) {

    /** Days from {@code from} to {@code to}, both included. */
    public record Days(LocalDate from, LocalDate to) {
    }

    public static PeriodParts of(Period period) {
        LocalDate firstWholeMonth = period.from().getDayOfMonth() == 1 ? period.from()
                : period.from().withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastWholeMonth = period.to().plusDays(1).withDayOfMonth(1);
        if (!firstWholeMonth.isBefore(afterLastWholeMonth)) {
            return new PeriodParts(List.of(), List.of(new Days(period.from(), period.to())));
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(firstWholeMonth); month.isBefore(YearMonth.from(afterLastWholeMonth));
                month = month.plusMonths(1)) {
            months.add(month);
        }
        List<Days> days = new ArrayList<>(2);
        if (period.from().isBefore(firstWholeMonth)) {
            days.add(new Days(period.from(), firstWholeMonth.minusDays(1)));
        }
        if (!afterLastWholeMonth.isAfter(period.to())) {
            days.add(new Days(afterLastWholeMonth, period.to()));
        }
        return new PeriodParts(List.copyOf(months), List.copyOf(days));
    }
}
