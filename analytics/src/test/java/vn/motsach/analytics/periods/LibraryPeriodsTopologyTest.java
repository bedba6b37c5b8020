package vn.motsach.analytics.periods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motsach.analytics.SchoolFixture.SCHOOL;
import static vn.motsach.analytics.SchoolFixture.at;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.SchoolFixture;
import vn.motsach.analytics.metrics.MetricsAnswers;
import vn.motsach.analytics.roster.PatronNames;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.PublishedEvent;
import vn.motsach.infra.web.ApiProblem;

class LibraryPeriodsTopologyTest {

    static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);

    final SchoolFixture school = new SchoolFixture().schoolWithCalendar().classOpened("6a1", 6)
            .students("6a1", "hs1", "hs2", "hs3");
    final LibraryPeriodEvaluation evaluation = new LibraryPeriodEvaluation(school.metrics(TUESDAY));

    @AfterEach
    void tearDown() {
        school.close();
    }

    @Test
    void aPeriodIsEvaluatedByItsAttendanceAndWhatItsAttendeesReadThatDay() {
        UUID period = UUID.randomUUID();
        school.on(TUESDAY, LocalTime.of(9, 0));
        school.libraryPeriod(period, "6a1", TUESDAY, 3, "hs1", "hs2");
        school.loan("l1", "hs1", "6a1", at(TUESDAY, LocalTime.of(9, 40)));
        school.session("hs1", "6a1", at(TUESDAY, LocalTime.of(20, 0)), 20);
        school.session("hs2", "6a1", at(TUESDAY.plusDays(1), LocalTime.of(20, 0)), 30);
        school.loan("l3", "hs3", "6a1", at(TUESDAY, LocalTime.of(10, 0)));

        assertThat(evaluation.of(SCHOOL, period.toString(), classId -> true))
                .hasFieldOrPropertyWithValue("classId", "6a1").hasFieldOrPropertyWithValue("heldOn", TUESDAY).hasFieldOrPropertyWithValue("activity", "FREE_READING")
                .hasFieldOrPropertyWithValue("attendees", 2).hasFieldOrPropertyWithValue("attendanceRate", 0.6667)
                .hasFieldOrPropertyWithValue("loansThatDay", 1L).hasFieldOrPropertyWithValue("readingMinutesThatDay", 20L);
    }

    @Test
    void periodsAndAttendanceCountInTheClassMetricsOnce() {
        school.on(TUESDAY, LocalTime.of(9, 0));
        PublishedEvent held = school.libraryPeriod(UUID.randomUUID(), "6a1", TUESDAY, 3, "hs1", "hs2");
        school.publish(held);
        school.libraryPeriod(UUID.randomUUID(), "6a1", TUESDAY.plusDays(2), 3, "hs1");

        assertThat(new MetricsAnswers(school.metrics(TUESDAY), PatronNames.NONE).ofClass(SCHOOL, "6a1", MetricPeriod.WEEK, TUESDAY))
                .hasFieldOrPropertyWithValue("metrics.libraryPeriods", 2L)
                .hasFieldOrPropertyWithValue("metrics.libraryPeriodAttendanceRate", 0.5)
                .hasFieldOrPropertyWithValue("metrics.activeReaders", 2L);
    }

    @Test
    void aPeriodOfAClassTheCallerDoesNotTeachIsNotFound() {
        UUID period = UUID.randomUUID();
        school.on(TUESDAY, LocalTime.of(9, 0));
        school.libraryPeriod(period, "6a1", TUESDAY, 3, "hs1", "hs2");

        assertThatThrownBy(() -> evaluation.of(SCHOOL, period.toString(), "6a2"::equals)).isInstanceOf(ApiProblem.class)
                .hasMessage("LIBRARY_PERIOD_NOT_FOUND");
        assertThat(evaluation.of(SCHOOL, period.toString(), "6a1"::equals)).hasFieldOrPropertyWithValue("attendees", 2);
    }

    @Test
    void anUnknownPeriodIsNotFound() {
        assertThatThrownBy(() -> evaluation.of(SCHOOL, UUID.randomUUID().toString(), classId -> true)).isInstanceOf(ApiProblem.class)
                .hasMessage("LIBRARY_PERIOD_NOT_FOUND");
    }
}
