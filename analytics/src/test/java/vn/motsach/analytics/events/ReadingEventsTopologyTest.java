package vn.motsach.analytics.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motsach.analytics.SchoolFixture.SCHOOL;
import static vn.motsach.analytics.SchoolFixture.at;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.SchoolFixture;
import vn.motsach.analytics.metrics.MetricsAnswers;
import vn.motsach.analytics.roster.PatronNames;
import vn.motsach.events.MetricPeriod;
import vn.motsach.infra.web.ApiProblem;

class ReadingEventsTopologyTest {

    /** The Monday after the Tết week. */
    static final LocalDate READING_DAY = LocalDate.of(2026, 2, 23);

    final SchoolFixture school = new SchoolFixture().schoolWithCalendar().classOpened("6a1", 6).classOpened("6a2", 6)
            .students("6a1", "hs1", "hs2", "hs3", "hs4").students("6a2", "hs5");
    final UUID event = UUID.randomUUID();

    @AfterEach
    void tearDown() {
        school.close();
    }

    @Test
    void theUpliftComparesTheEventWithTheSchoolDaysBeforeItSkippingTet() {
        school.on(READING_DAY.minusDays(20), LocalTime.of(8, 0));
        school.readingEvent(event, "Ngày hội đọc sách", READING_DAY, READING_DAY, "6a1", "6a2");
        // the Friday before Tết is the school day just before the event
        school.loan("l0", "hs1", "6a1", at(LocalDate.of(2026, 2, 13), LocalTime.of(10, 0)));
        school.session("hs1", "6a1", at(LocalDate.of(2026, 2, 13), LocalTime.of(20, 0)), 10);
        // reading at home during Tết is not the baseline
        school.session("hs2", "6a1", at(LocalDate.of(2026, 2, 18), LocalTime.of(20, 0)), 60);
        school.on(READING_DAY, LocalTime.of(15, 0));
        school.participation(event, READING_DAY, "6a1", "hs1", "hs2", "hs3");
        school.participation(event, READING_DAY, "6a1", "hs3");
        school.loan("l1", "hs2", "6a1", at(READING_DAY, LocalTime.of(10, 0)));
        school.loan("l2", "hs3", "6a1", at(READING_DAY, LocalTime.of(10, 5)));
        school.loan("l3", "hs4", "6a1", at(READING_DAY, LocalTime.of(10, 10)));
        school.session("hs3", "6a1", at(READING_DAY, LocalTime.of(14, 0)), 40);

        ReadingEventEvaluationView evaluation = new ReadingEventEvaluation(school.metrics(READING_DAY))
                .of(SCHOOL, event.toString(), classId -> true);

        assertThat(evaluation).hasFieldOrPropertyWithValue("name", "Ngày hội đọc sách").hasFieldOrPropertyWithValue("schoolDays", 1)
                .hasFieldOrPropertyWithValue("beforeFrom", LocalDate.of(2026, 2, 13)).hasFieldOrPropertyWithValue("beforeTo", LocalDate.of(2026, 2, 13));
        List<ReadingEventEvaluationView.ClassEvaluation> classes = evaluation.classes();
        assertThat(classes).extracting(ReadingEventEvaluationView.ClassEvaluation::classId).containsExactly("6a1", "6a2");
        assertThat(classes.get(0)).hasFieldOrPropertyWithValue("participants", 3).hasFieldOrPropertyWithValue("enrolledStudents", 4L)
                .hasFieldOrPropertyWithValue("participationRate", 0.75)
                .hasFieldOrPropertyWithValue("loansDuring", 3).hasFieldOrPropertyWithValue("loansBefore", 1)
                .hasFieldOrPropertyWithValue("readingMinutesDuring", 40).hasFieldOrPropertyWithValue("readingMinutesBefore", 10);
        assertThat(classes.get(0).uplift()).isEqualTo(new ReadingEventEvaluationView.Uplift(2, 30, 2.0, 3.0));
        assertThat(classes.get(1)).hasFieldOrPropertyWithValue("participants", 0).hasFieldOrPropertyWithValue("participationRate", 0.0);
    }

    @Test
    void aTeacherSeesTheLinesOfTheirOwnClassesOnly() {
        school.on(READING_DAY, LocalTime.of(8, 0));
        school.readingEvent(event, "Ngày hội đọc sách", READING_DAY, READING_DAY, "6a1", "6a2");
        school.participation(event, READING_DAY, "6a1", "hs1", "hs2");
        ReadingEventEvaluation evaluation = new ReadingEventEvaluation(school.metrics(READING_DAY));

        assertThat(evaluation.of(SCHOOL, event.toString(), "6a2"::equals).classes())
                .extracting(ReadingEventEvaluationView.ClassEvaluation::classId).containsExactly("6a2");
        assertThatThrownBy(() -> evaluation.of(SCHOOL, event.toString(), "7a1"::equals)).isInstanceOf(ApiProblem.class)
                .hasMessage("READING_EVENT_NOT_FOUND");
    }

    @Test
    void participantsAreActiveReadersInTheEventsPeriodsAndCountOnce() {
        school.on(READING_DAY.minusDays(3), LocalTime.of(8, 0));
        school.readingEvent(event, "Ngày Sách và Văn hóa đọc", READING_DAY, READING_DAY.plusDays(1), "6a1");
        school.on(READING_DAY.plusDays(4), LocalTime.of(8, 0));
        school.participation(event, READING_DAY.plusDays(4), "6a1", "hs1", "hs2");

        assertThat(new MetricsAnswers(school.metrics(READING_DAY), PatronNames.NONE).ofClass(SCHOOL, "6a1", MetricPeriod.WEEK, READING_DAY))
                .hasFieldOrPropertyWithValue("metrics.readingEventParticipants", 2L)
                .hasFieldOrPropertyWithValue("metrics.activeReaders", 2L);
    }
}
