package vn.motsach.analytics.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.analytics.SchoolFixture.SCHOOL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.SchoolFixture;
import vn.motsach.analytics.calendar.Period;
import vn.motsach.events.MetricPeriod;

class ReaderActivityTopologyTest {

    final SchoolFixture school = new SchoolFixture().schoolWithCalendar().classOpened("6a1", 6).students("6a1", "hs1");
    final ReadOnlyKeyValueStore<String, StudentActivity> days =
            school.stores().keyValueStore(ReaderActivityTopology.STUDENT_DAYS_STORE);
    final ReadOnlyKeyValueStore<String, StudentActivity> months =
            school.stores().keyValueStore(ReaderActivityTopology.STUDENT_MONTHS_STORE);

    @AfterEach
    void tearDown() {
        school.close();
    }

    @Test
    void aLoanCountsOnTheDayItHappenedInVietnamNotInUtc() {
        // 00:30 on Monday 19 January in Vietnam is still Sunday in UTC, between the semesters
        school.loan("l1", "hs1", "6a1", Instant.parse("2026-01-18T17:30:00Z"));

        LocalDate monday = LocalDate.of(2026, 1, 19);
        assertThat(days.get(ReaderActivityTopology.studentKey(SCHOOL, monday, "6a1", "hs1")).loans()).isEqualTo(1);
        assertThat(days.get(ReaderActivityTopology.studentKey(SCHOOL, monday.minusDays(1), "6a1", "hs1"))).isNull();
        assertThat(months.get(ReaderActivityTopology.studentKey(SCHOOL, YearMonth.of(2026, 1), "6a1", "hs1")).loans())
                .isEqualTo(1);
        assertThat(totals(new Period(MetricPeriod.SEMESTER, monday, LocalDate.of(2026, 5, 31))).loans()).isEqualTo(1);
        assertThat(totals(new Period(MetricPeriod.SEMESTER, LocalDate.of(2025, 9, 5), monday.minusDays(2))).loans()).isZero();
    }

    @Test
    void aSessionAtHomeDuringTetCountsInTheTetWeekAndItsSemester() {
        school.session("hs1", "6a1", SchoolFixture.at(SchoolFixture.TET_MONDAY.plusDays(2), LocalTime.of(20, 0)), 45);

        StudentActivity week = totals(new Period(MetricPeriod.WEEK, SchoolFixture.TET_MONDAY, SchoolFixture.TET_MONDAY.plusDays(6)));
        assertThat(week.readingMinutes()).isEqualTo(45);
        assertThat(week.readingSessions()).isEqualTo(1);
        assertThat(week.active()).isTrue();
        assertThat(totals(new Period(MetricPeriod.SEMESTER, LocalDate.of(2026, 1, 19), LocalDate.of(2026, 5, 31))).readingMinutes())
                .isEqualTo(45);
    }

    @Test
    void aLibraryPeriodAddsOneRowPerAttendeeInTheDayAndOneInTheMonth() {
        LocalDate heldOn = LocalDate.of(2026, 3, 4);
        school.students("6a1", "hs2").libraryPeriod(java.util.UUID.randomUUID(), "6a1", heldOn, 2, "hs1", "hs2");

        try (var all = days.all()) {
            assertThat(all).toIterable().extracting(row -> row.key)
                    .containsExactlyInAnyOrder(SCHOOL + "|2026-03-04|6a1|hs1", SCHOOL + "|2026-03-04|6a1|hs2");
        }
        try (var all = months.all()) {
            assertThat(all).toIterable().extracting(row -> row.key)
                    .containsExactlyInAnyOrder(SCHOOL + "|2026-03|6a1|hs1", SCHOOL + "|2026-03|6a1|hs2");
        }
        ClassTotals march = ActivityTotals.ofClasses(school.stores().keyValueStore(ReaderActivityTopology.CLASS_DAYS_STORE),
                school.stores().keyValueStore(ReaderActivityTopology.CLASS_MONTHS_STORE))
                .in(SCHOOL, new Period(MetricPeriod.MONTH, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).get("6a1");
        assertThat(march.libraryPeriods()).isEqualTo(1);
        assertThat(march.libraryPeriodAttendances()).isEqualTo(2);
    }

    @Test
    void aLoanBeforeTheCalendarIsKnownCountsInTheSemesterScheduledLater() {
        try (SchoolFixture fresh = new SchoolFixture()) {
            fresh.loan("l1", "hs1", "6a1", Instant.parse("2026-03-03T03:00:00Z"));
            fresh.schoolWithCalendar();

            ReadOnlyKeyValueStore<String, StudentActivity> freshDays =
                    fresh.stores().keyValueStore(ReaderActivityTopology.STUDENT_DAYS_STORE);
            ReadOnlyKeyValueStore<String, StudentActivity> freshMonths =
                    fresh.stores().keyValueStore(ReaderActivityTopology.STUDENT_MONTHS_STORE);
            Period semester = fresh.metrics(LocalDate.of(2026, 3, 10)).period(
                    fresh.metrics(LocalDate.of(2026, 3, 10)).school(SCHOOL), MetricPeriod.SEMESTER, LocalDate.of(2026, 3, 3));
            assertThat(ActivityTotals.ofStudents(freshDays, freshMonths).in(SCHOOL, semester).get("6a1|hs1").loans()).isEqualTo(1);
        }
    }

    private StudentActivity totals(Period period) {
        return ActivityTotals.ofStudents(days, months).in(SCHOOL, period).getOrDefault("6a1|hs1", StudentActivity.NONE);
    }
}
