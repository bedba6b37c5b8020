package vn.motsach.analytics.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.calendar.PeriodParts.Days;
import vn.motsach.events.MetricPeriod;

class PeriodPartsTest {

    @Test
    void aWeekIsItsDays() {
        PeriodParts parts = PeriodParts.of(new Period(MetricPeriod.WEEK, LocalDate.of(2026, 1, 26), LocalDate.of(2026, 2, 1)));

        assertThat(parts.months()).isEmpty();
        assertThat(parts.days()).containsExactly(new Days(LocalDate.of(2026, 1, 26), LocalDate.of(2026, 2, 1)));
    }

    @Test
    void aMonthIsItself() {
        PeriodParts parts = PeriodParts.of(new Period(MetricPeriod.MONTH, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));

        assertThat(parts.months()).containsExactly(YearMonth.of(2026, 2));
        assertThat(parts.days()).isEmpty();
    }

    @Test
    void aSemesterIsItsWholeMonthsAndTheDaysAtItsEnds() {
        PeriodParts parts = PeriodParts.of(new Period(MetricPeriod.SEMESTER, LocalDate.of(2025, 9, 5), LocalDate.of(2026, 1, 17)));

        assertThat(parts.months()).containsExactly(YearMonth.of(2025, 10), YearMonth.of(2025, 11), YearMonth.of(2025, 12));
        assertThat(parts.days()).containsExactly(new Days(LocalDate.of(2025, 9, 5), LocalDate.of(2025, 9, 30)),
                new Days(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 17)));
    }

    @Test
    void everyDayOfAnyPeriodIsInExactlyOnePart() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            LocalDate from = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(700));
            LocalDate to = from.plusDays(random.nextInt(400));
            PeriodParts parts = PeriodParts.of(new Period(MetricPeriod.SCHOOL_YEAR, from, to));

            Set<LocalDate> covered = new HashSet<>();
            int count = 0;
            for (YearMonth month : parts.months()) {
                for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1), count++) {
                    covered.add(day);
                }
            }
            for (Days days : parts.days()) {
                for (LocalDate day = days.from(); !day.isAfter(days.to()); day = day.plusDays(1), count++) {
                    covered.add(day);
                }
            }
            assertThat(count).as("%s to %s", from, to).isEqualTo(covered.size());
            assertThat(covered).as("%s to %s", from, to).hasSize((int) (to.toEpochDay() - from.toEpochDay() + 1))
                    .allMatch(day -> !day.isBefore(from) && !day.isAfter(to));
        }
    }
}
