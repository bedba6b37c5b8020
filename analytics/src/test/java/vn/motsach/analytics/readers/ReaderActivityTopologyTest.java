package vn.motsach.analytics.readers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.analytics.SchoolFixture.SCHOOL;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.SchoolFixture;
import vn.motsach.analytics.calendar.Period;
import vn.motsach.events.MetricPeriod;

class ReaderActivityTopologyTest {

    final SchoolFixture school = new SchoolFixture().schoolWithCalendar().classOpened("6a1", 6).students("6a1", "hs1");
    final ReadOnlyKeyValueStore<String, StudentActivity> students =
            school.stores().keyValueStore(ReaderActivityTopology.STUDENT_PERIODS_STORE);

    @AfterEach
    void tearDown() {
        school.close();
    }

    @Test
    void aLoanCountsOnTheDayItHappenedInVietnamNotInUtc() {
        // 00:30 on Monday 19 January in Vietnam is still Sunday in UTC, between the semesters
        school.loan("l1", "hs1", "6a1", Instant.parse("2026-01-18T17:30:00Z"));

        LocalDate monday = LocalDate.of(2026, 1, 19);
        assertThat(students.get(key(new Period(MetricPeriod.WEEK, monday, monday.plusDays(6)))).loans()).isEqualTo(1);
        assertThat(students.get(key(new Period(MetricPeriod.SEMESTER, monday, LocalDate.of(2026, 5, 31)))).loans())
                .isEqualTo(1);
        assertThat(students.get(key(new Period(MetricPeriod.WEEK, monday.minusWeeks(1), monday.minusDays(1))))).isNull();
        ReadOnlyKeyValueStore<String, DayActivity> days = school.stores().keyValueStore(ReaderActivityTopology.STUDENT_DAYS_STORE);
        assertThat(days.get(ReaderActivityTopology.studentDayKey(SCHOOL, "hs1", monday)).loans()).isEqualTo(1);
    }

    @Test
    void aSessionAtHomeDuringTetCountsInTheTetWeekAndItsSemester() {
        school.session("hs1", "6a1", SchoolFixture.at(SchoolFixture.TET_MONDAY.plusDays(2), java.time.LocalTime.of(20, 0)), 45);

        StudentActivity week = students.get(key(new Period(MetricPeriod.WEEK, SchoolFixture.TET_MONDAY,
                SchoolFixture.TET_MONDAY.plusDays(6))));
        assertThat(week.readingMinutes()).isEqualTo(45);
        assertThat(week.readingSessions()).isEqualTo(1);
        assertThat(week.active()).isTrue();
    }

    @Test
    void aSemesterLoanBeforeTheCalendarIsKnownStillCountsInItsWeekAndMonth() {
        try (SchoolFixture fresh = new SchoolFixture()) {
            fresh.loan("l1", "hs1", "6a1", Instant.parse("2026-03-03T03:00:00Z"));
            ReadOnlyKeyValueStore<String, StudentActivity> rows =
                    fresh.stores().keyValueStore(ReaderActivityTopology.STUDENT_PERIODS_STORE);
            try (var all = rows.all()) {
                assertThat(all).toIterable().extracting(row -> row.key)
                        .containsExactlyInAnyOrder(SCHOOL + "|WEEK|2026-03-02|6a1|hs1", SCHOOL + "|MONTH|2026-03-01|6a1|hs1");
            }
        }
    }

    private static String key(Period period) {
        return ReaderActivityTopology.studentPeriodKey(SCHOOL, period, "6a1", "hs1");
    }
}
