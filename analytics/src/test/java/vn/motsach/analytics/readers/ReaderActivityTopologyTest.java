package vn.motsach.analytics.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.analytics.SchoolFixture.SCHOOL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.SchoolFixture;
import vn.motsach.analytics.calendar.Period;
import vn.motsach.events.MetricPeriod;

class ReaderActivityTopologyTest {

    final SchoolFixture school = new SchoolFixture().schoolWithCalendar().classOpened("6a1", 6).students("6a1", "hs1");
    final ReadOnlyKeyValueStore<String, MonthDays<StudentActivity>> months =
            school.stores().keyValueStore(ReaderActivityTopology.STUDENT_MONTHS_STORE);
    final ActivityTotals<StudentActivity> students = ActivityTotals.ofStudents(months);

    @AfterEach
    void tearDown() {
        school.close();
    }

    @Test
    void aLoanCountsOnTheDayItHappenedInVietnamNotInUtc() {
        // 00:30 on Monday 19 January in Vietnam is still Sunday in UTC, between the semesters
        school.loan("l1", "hs1", "6a1", Instant.parse("2026-01-18T17:30:00Z"));

        LocalDate monday = LocalDate.of(2026, 1, 19);
        MonthDays<StudentActivity> january = months.get(ReaderActivityTopology.studentKey(SCHOOL, YearMonth.of(2026, 1), "6a1", "hs1"));
        assertThat(january.on(19).loans()).isEqualTo(1);
        assertThat(january.on(18)).isNull();
        assertThat(students.on(SCHOOL, monday)).containsOnlyKeys("6a1|hs1");
        assertThat(students.on(SCHOOL, monday.minusDays(1))).isEmpty();
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
    void minutesReadAtHomeAreCountedApartFromThoseTheSchoolSaw() {
        LocalDate monday = LocalDate.of(2026, 3, 30);
        school.session("hs1", "6a1", SchoolFixture.at(monday, LocalTime.of(9, 0)), 20);
        school.homeSession("hs1", "6a1", SchoolFixture.at(monday, LocalTime.of(20, 0)), 30);

        StudentActivity week = totals(new Period(MetricPeriod.WEEK, monday, monday.plusDays(6)));
        assertThat(week.readingMinutes()).isEqualTo(20);
        assertThat(week.selfReportedMinutes()).isEqualTo(30);
        assertThat(week.readingSessions()).isEqualTo(2);
    }

    @Test
    void aWeekAcrossTwoMonthsAddsTheDaysOfBoth() {
        school.session("hs1", "6a1", SchoolFixture.at(LocalDate.of(2026, 3, 30), LocalTime.of(20, 0)), 10);
        school.session("hs1", "6a1", SchoolFixture.at(LocalDate.of(2026, 4, 2), LocalTime.of(20, 0)), 20);
        school.session("hs1", "6a1", SchoolFixture.at(LocalDate.of(2026, 4, 6), LocalTime.of(20, 0)), 40);

        StudentActivity week = totals(new Period(MetricPeriod.WEEK, LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 5)));
        assertThat(week.readingMinutes()).isEqualTo(30);
        assertThat(week.readingSessions()).isEqualTo(2);
    }

    @Test
    void chosenDaysAddUpWithoutTheDaysBetweenThem() {
        school.session("hs1", "6a1", SchoolFixture.at(LocalDate.of(2026, 3, 30), LocalTime.of(20, 0)), 10);
        school.session("hs1", "6a1", SchoolFixture.at(LocalDate.of(2026, 3, 31), LocalTime.of(20, 0)), 15);
        school.session("hs1", "6a1", SchoolFixture.at(LocalDate.of(2026, 4, 2), LocalTime.of(20, 0)), 20);
        school.session("hs1", "6a1", SchoolFixture.at(LocalDate.of(2026, 4, 6), LocalTime.of(20, 0)), 40);

        StudentActivity chosen = students.on(SCHOOL, List.of(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 3, 30),
                LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1))).get("6a1|hs1");
        assertThat(chosen.readingMinutes()).isEqualTo(65);
        assertThat(chosen.readingSessions()).isEqualTo(3);
    }

    @Test
    void aLibraryPeriodUpdatesOneRowPerAttendeeAndOneForTheClass() {
        LocalDate heldOn = LocalDate.of(2026, 3, 4);
        school.students("6a1", "hs2").libraryPeriod(UUID.randomUUID(), "6a1", heldOn, 2, "hs1", "hs2");

        try (var all = months.all()) {
            assertThat(all).toIterable().extracting(row -> row.key)
                    .containsExactlyInAnyOrder(SCHOOL + "|2026-03|6a1|hs1", SCHOOL + "|2026-03|6a1|hs2");
        }
        ClassTotals march = ActivityTotals.ofClasses(school.stores().<MonthDays<ClassTotals>>keyValueStore(
                ReaderActivityTopology.CLASS_MONTHS_STORE))
                .in(SCHOOL, new Period(MetricPeriod.MONTH, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).get("6a1");
        assertThat(march.libraryPeriods()).isEqualTo(1);
        assertThat(march.libraryPeriodAttendances()).isEqualTo(2);
    }

    @Test
    void aLoanBeforeTheCalendarIsKnownCountsInTheSemesterScheduledLater() {
        try (SchoolFixture fresh = new SchoolFixture()) {
            fresh.loan("l1", "hs1", "6a1", Instant.parse("2026-03-03T03:00:00Z"));
            fresh.schoolWithCalendar();

            var metrics = fresh.metrics(LocalDate.of(2026, 3, 10));
            Period semester = metrics.period(metrics.school(SCHOOL), MetricPeriod.SEMESTER, LocalDate.of(2026, 3, 3));
            assertThat(metrics.studentActivity().in(SCHOOL, semester).get("6a1|hs1").loans()).isEqualTo(1);
        }
    }

    private StudentActivity totals(Period period) {
        return students.in(SCHOOL, period).getOrDefault("6a1|hs1", StudentActivity.NONE);
    }
}
