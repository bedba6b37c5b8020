package vn.motsach.analytics.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.Semester;
import vn.motsach.events.school.SchoolYearScheduled;
import vn.motsach.analytics.SchoolFixture;

class SchoolCalendarTest {

    static final SchoolCalendar CALENDAR = SchoolCalendar.empty().with(new SchoolYearScheduled(SchoolId.of("th-a"),
            SchoolYear.of("2025-2026"), LocalDate.of(2025, 9, 5), LocalDate.of(2026, 5, 31),
            List.of(new Semester(1, LocalDate.of(2025, 9, 5), LocalDate.of(2026, 1, 17)),
                    new Semester(2, LocalDate.of(2026, 1, 19), LocalDate.of(2026, 5, 31))),
            SchoolFixture.TET));

    @Test
    void weeksRunFromMondayToSundayAndMonthsAreCalendarMonths() {
        LocalDate sunday = LocalDate.of(2026, 3, 8);
        assertThat(CALENDAR.period(MetricPeriod.WEEK, sunday)).contains(
                new Period(MetricPeriod.WEEK, LocalDate.of(2026, 3, 2), sunday));
        assertThat(CALENDAR.period(MetricPeriod.MONTH, sunday)).contains(
                new Period(MetricPeriod.MONTH, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
    }

    @Test
    void semestersAndYearsComeFromTheSchoolCalendar() {
        assertThat(CALENDAR.period(MetricPeriod.SEMESTER, LocalDate.of(2026, 1, 17))).contains(
                new Period(MetricPeriod.SEMESTER, LocalDate.of(2025, 9, 5), LocalDate.of(2026, 1, 17)));
        assertThat(CALENDAR.period(MetricPeriod.SEMESTER, LocalDate.of(2026, 1, 19)).map(Period::from))
                .contains(LocalDate.of(2026, 1, 19));
        assertThat(CALENDAR.period(MetricPeriod.SEMESTER, LocalDate.of(2026, 1, 18))).isEmpty();
        assertThat(CALENDAR.period(MetricPeriod.SCHOOL_YEAR, LocalDate.of(2026, 6, 15))).isEmpty();
        assertThat(CALENDAR.periodsOf(LocalDate.of(2026, 7, 1))).extracting(Period::kind)
                .containsExactly(MetricPeriod.WEEK, MetricPeriod.MONTH);
    }

    @Test
    void theTetWeekHasNoSchoolDays() {
        assertThat(CALENDAR.schoolDays(SchoolFixture.TET_MONDAY, SchoolFixture.TET_MONDAY.plusDays(6))).isZero();
        assertThat(CALENDAR.schoolDays(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))).isEqualTo(15);
        // the school day before the Monday after Tết is the Friday before Tết
        assertThat(CALENDAR.schoolDaysBefore(LocalDate.of(2026, 2, 23), 2))
                .containsExactly(LocalDate.of(2026, 2, 12), LocalDate.of(2026, 2, 13));
    }

    @Test
    void theShareOfAPeriodPassedCountsSchoolDaysSoTetIsNotTimeLost() {
        Period february = CALENDAR.period(MetricPeriod.MONTH, LocalDate.of(2026, 2, 1)).orElseThrow();
        // on the Friday of Tết: 10 of February's 15 school days have passed
        assertThat(CALENDAR.shareElapsed(february, LocalDate.of(2026, 2, 20))).isEqualTo(10 / 15.0);
        Period tetWeek = CALENDAR.period(MetricPeriod.WEEK, SchoolFixture.TET_MONDAY).orElseThrow();
        assertThat(CALENDAR.shareElapsed(tetWeek, SchoolFixture.TET_MONDAY.plusDays(1))).isEqualTo(2 / 7.0);
        assertThat(CALENDAR.shareElapsed(february, LocalDate.of(2026, 3, 1))).isEqualTo(1);
    }
}
