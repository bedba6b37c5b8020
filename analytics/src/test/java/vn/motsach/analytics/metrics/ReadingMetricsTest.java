package vn.motsach.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motsach.analytics.SchoolFixture.SCHOOL;
import static vn.motsach.analytics.SchoolFixture.at;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.SchoolFixture;
import vn.motsach.analytics.metrics.SchoolPeriod.StudentLine;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.Refused;
import vn.motsach.infra.web.ApiProblem;

/** The metrics of a school and its classes, through every topology, with the fixed calendar. */
class ReadingMetricsTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final LocalDate NEXT_MONDAY = MONDAY.plusWeeks(1);

    SchoolFixture school;
    MetricsAnswers answers;

    @BeforeEach
    void setUp() {
        school = new SchoolFixture().schoolWithCalendar().classOpened("6a1", 6).classOpened("6a2", 6)
                .students("6a1", "hs1", "hs2", "hs3").students("6a2", "hs4", "hs5").teacher("gv1");
        // the names the query side keeps, which the events topic does not carry
        answers = new MetricsAnswers(school.metrics(NEXT_MONDAY.plusDays(2)), (schoolId, patronIds) -> patronIds.stream()
                .collect(java.util.stream.Collectors.toMap(id -> id, id -> "Học sinh " + id)));
    }

    @AfterEach
    void tearDown() {
        school.close();
    }

    @Test
    void countsLoansReadersAndRatesOfAClassForTheWeek() {
        school.on(MONDAY.plusDays(1), LocalTime.of(10, 0));
        school.loan("l1", "hs1", "6a1", at(MONDAY.plusDays(1), LocalTime.of(10, 0)));
        school.loan("l2", "hs1", "6a1", at(MONDAY.plusDays(1), LocalTime.of(10, 5)));
        school.session("hs2", "6a1", at(MONDAY.plusDays(2), LocalTime.of(14, 0)), 25);
        school.loan(SCHOOL, "l-gv", "gv1", PatronCategory.TEACHER, null, at(MONDAY.plusDays(2), LocalTime.of(9, 0)));

        ClassMetricsView ofClass = answers.ofClass(SCHOOL, "6a1", MetricPeriod.WEEK, MONDAY.plusDays(3));

        assertThat(ofClass).hasFieldOrPropertyWithValue("from", MONDAY).hasFieldOrPropertyWithValue("to", MONDAY.plusDays(6))
                .hasFieldOrPropertyWithValue("metrics.loans", 2L).hasFieldOrPropertyWithValue("metrics.activeReaders", 2L).hasFieldOrPropertyWithValue("metrics.enrolledStudents", 3L)
                .hasFieldOrPropertyWithValue("metrics.activeReaderRate", 0.6667).hasFieldOrPropertyWithValue("metrics.loansPerStudent", 0.6667)
                .hasFieldOrPropertyWithValue("metrics.readingMinutes", 25L).hasFieldOrPropertyWithValue("metrics.readingMinutesPerStudent", 8.3333);
        assertThat(ofClass.metrics().asOf()).isNotNull();
        List<StudentLine> students = ofClass.students();
        assertThat(students).extracting(StudentLine::patronId).containsExactly("hs1", "hs2", "hs3");
        assertThat(students.get(0)).isEqualTo(new StudentLine("hs1", "Học sinh hs1", 2, 0, 0, 0, 0, true));
        assertThat(students.get(2).active()).isFalse();
        // teachers borrow, but are not the school's readers
        assertThat(answers.school(SCHOOL, MetricPeriod.WEEK, MONDAY)).hasFieldOrPropertyWithValue("metrics.loans", 2L)
                .hasFieldOrPropertyWithValue("metrics.enrolledStudents", 5L);
    }

    @Test
    void readingAtHomeIsReportedApartFromTheReadingTheSchoolSaw() {
        school.on(MONDAY.plusDays(1), LocalTime.of(10, 0));
        school.session("hs1", "6a1", at(MONDAY.plusDays(1), LocalTime.of(10, 0)), 30);
        school.homeSession("hs1", "6a1", at(MONDAY.plusDays(1), LocalTime.of(20, 0)), 60);
        school.homeSession("hs2", "6a1", at(MONDAY.plusDays(2), LocalTime.of(20, 0)), 15);

        ClassMetricsView ofClass = answers.ofClass(SCHOOL, "6a1", MetricPeriod.WEEK, MONDAY);

        assertThat(ofClass).hasFieldOrPropertyWithValue("metrics.readingMinutes", 30L).hasFieldOrPropertyWithValue("metrics.readingMinutesPerStudent", 10.0)
                .hasFieldOrPropertyWithValue("metrics.selfReportedReadingMinutes", 75L).hasFieldOrPropertyWithValue("metrics.selfReportedReadingMinutesPerStudent", 25.0)
                .hasFieldOrPropertyWithValue("metrics.activeReaders", 2L);
        List<StudentLine> students = ofClass.students();
        assertThat(students.get(0)).extracting(StudentLine::readingMinutes, StudentLine::selfReportedReadingMinutes)
                .containsExactly(30, 60);
        assertThat(answers.school(SCHOOL, MetricPeriod.WEEK, MONDAY)).hasFieldOrPropertyWithValue("metrics.readingMinutes", 30L)
                .hasFieldOrPropertyWithValue("metrics.selfReportedReadingMinutes", 75L);
    }

    @Test
    void aLateEventLandsInThePeriodItHappenedIn() {
        school.on(NEXT_MONDAY, LocalTime.of(7, 30));
        school.loan("l-new", "hs1", "6a1", at(NEXT_MONDAY, LocalTime.of(7, 30)));
        // the desk was offline on Sunday evening and syncs on Monday, after Monday's loan
        school.loan("l-sunday", "hs2", "6a1", at(MONDAY.plusDays(6), LocalTime.of(16, 0)));

        assertThat(answers.ofClass(SCHOOL, "6a1", MetricPeriod.WEEK, MONDAY)).hasFieldOrPropertyWithValue("metrics.loans", 1L)
                .hasFieldOrPropertyWithValue("metrics.activeReaders", 1L);
        assertThat(answers.ofClass(SCHOOL, "6a1", MetricPeriod.WEEK, NEXT_MONDAY)).hasFieldOrPropertyWithValue("metrics.loans", 1L);
        assertThat(answers.ofClass(SCHOOL, "6a1", MetricPeriod.MONTH, MONDAY)).hasFieldOrPropertyWithValue("metrics.loans", 2L)
                .hasFieldOrPropertyWithValue("from", LocalDate.of(2026, 3, 1)).hasFieldOrPropertyWithValue("to", LocalDate.of(2026, 3, 31));
        assertThat(answers.ofClass(SCHOOL, "6a1", MetricPeriod.SEMESTER, MONDAY)).hasFieldOrPropertyWithValue("metrics.loans", 2L)
                .hasFieldOrPropertyWithValue("from", LocalDate.of(2026, 1, 19)).hasFieldOrPropertyWithValue("to", LocalDate.of(2026, 5, 31));
        assertThat(answers.school(SCHOOL, MetricPeriod.SCHOOL_YEAR, MONDAY)).hasFieldOrPropertyWithValue("metrics.loans", 2L)
                .hasFieldOrPropertyWithValue("from", LocalDate.of(2025, 9, 5));
    }

    @Test
    void aDuplicateEventCountsOnce() {
        school.on(MONDAY, LocalTime.of(9, 0));
        PublishedEvent loan = school.loan("l1", "hs1", "6a1", at(MONDAY, LocalTime.of(9, 0)));
        PublishedEvent session = school.session("hs1", "6a1", at(MONDAY, LocalTime.of(10, 0)), 30);
        school.loan("l2", "hs2", "6a1", at(MONDAY, LocalTime.of(11, 0)));
        // the publisher crashed before its offsets were saved and sends both again, after newer events
        school.publish(loan);
        school.publish(session);

        assertThat(answers.ofClass(SCHOOL, "6a1", MetricPeriod.WEEK, MONDAY)).hasFieldOrPropertyWithValue("metrics.loans", 2L)
                .hasFieldOrPropertyWithValue("metrics.readingMinutes", 30L).hasFieldOrPropertyWithValue("metrics.activeReaders", 2L);
    }

    @Test
    void aClassMoveMidSemesterKeepsEarlierLoansWithTheOldClassAndCountsTheStudentInBothForTheSemester() {
        school.on(MONDAY, LocalTime.of(9, 0));
        school.loan("l-before", "hs3", "6a1", at(MONDAY, LocalTime.of(9, 0)));
        school.on(NEXT_MONDAY, LocalTime.of(7, 0));
        school.move("hs3", "6a1", "6a2", NEXT_MONDAY);
        school.loan("l-after", "hs3", "6a2", at(NEXT_MONDAY.plusDays(1), LocalTime.of(9, 0)));

        assertThat(answers.ofClass(SCHOOL, "6a1", MetricPeriod.WEEK, MONDAY))
                .hasFieldOrPropertyWithValue("metrics.enrolledStudents", 3L).hasFieldOrPropertyWithValue("metrics.loans", 1L);
        assertThat(answers.ofClass(SCHOOL, "6a2", MetricPeriod.WEEK, MONDAY)).hasFieldOrPropertyWithValue("metrics.enrolledStudents", 2L);
        assertThat(answers.ofClass(SCHOOL, "6a1", MetricPeriod.WEEK, NEXT_MONDAY))
                .hasFieldOrPropertyWithValue("metrics.enrolledStudents", 2L).hasFieldOrPropertyWithValue("metrics.loans", 0L);
        assertThat(answers.ofClass(SCHOOL, "6a2", MetricPeriod.WEEK, NEXT_MONDAY))
                .hasFieldOrPropertyWithValue("metrics.enrolledStudents", 3L).hasFieldOrPropertyWithValue("metrics.loans", 1L);
        assertThat(answers.ofClass(SCHOOL, "6a1", MetricPeriod.SEMESTER, MONDAY))
                .hasFieldOrPropertyWithValue("metrics.enrolledStudents", 3L).hasFieldOrPropertyWithValue("metrics.loans", 1L).hasFieldOrPropertyWithValue("metrics.activeReaders", 1L);
        assertThat(answers.ofClass(SCHOOL, "6a2", MetricPeriod.SEMESTER, MONDAY))
                .hasFieldOrPropertyWithValue("metrics.enrolledStudents", 3L).hasFieldOrPropertyWithValue("metrics.loans", 1L).hasFieldOrPropertyWithValue("metrics.activeReaders", 1L);
        // the school counts the student once
        assertThat(answers.school(SCHOOL, MetricPeriod.SEMESTER, MONDAY))
                .hasFieldOrPropertyWithValue("metrics.enrolledStudents", 5L).hasFieldOrPropertyWithValue("metrics.activeReaders", 1L).hasFieldOrPropertyWithValue("metrics.loans", 2L);
    }

    @Test
    void aStudentWhoLeftIsNotEnrolledInLaterPeriods() {
        school.on(MONDAY, LocalTime.of(7, 0));
        school.left("hs5", MONDAY.minusDays(3));

        assertThat(answers.ofClass(SCHOOL, "6a2", MetricPeriod.WEEK, MONDAY)).hasFieldOrPropertyWithValue("metrics.enrolledStudents", 1L);
        assertThat(answers.ofClass(SCHOOL, "6a2", MetricPeriod.WEEK, MONDAY.minusWeeks(1)))
                .hasFieldOrPropertyWithValue("metrics.enrolledStudents", 2L);
    }

    @Test
    void overdueLoansCountWhileOutInThePeriodTheyBecameOverdue() {
        school.on(MONDAY, LocalTime.of(0, 5));
        school.overdue("l1", "hs1", "6a1", MONDAY);
        school.overdue("l2", "hs4", "6a2", MONDAY.plusDays(1));
        school.overdue("l2", "hs4", "6a2", MONDAY.plusDays(1));
        school.returned("l2", "hs4", "6a2", at(MONDAY.plusDays(2), LocalTime.of(8, 0)));

        assertThat(answers.school(SCHOOL, MetricPeriod.WEEK, MONDAY)).hasFieldOrPropertyWithValue("metrics.overdueLoans", 1L)
                .hasFieldOrPropertyWithValue("metrics.overdueLoansNow", 1L);
        assertThat(answers.ofClass(SCHOOL, "6a2", MetricPeriod.WEEK, MONDAY)).hasFieldOrPropertyWithValue("metrics.overdueLoans", 0L);
        assertThat(answers.ofClass(SCHOOL, "6a1", MetricPeriod.WEEK, MONDAY.plusWeeks(1)))
                .hasFieldOrPropertyWithValue("metrics.overdueLoans", 0L).hasFieldOrPropertyWithValue("metrics.overdueLoansNow", 1L);
    }

    @Test
    void anOverdueLoanWhoseCopyIsLostIsNoLongerOverdue() {
        school.on(MONDAY, LocalTime.of(0, 5));
        school.overdue("l1", "hs1", "6a1", MONDAY);
        school.overdue("l2", "hs4", "6a2", MONDAY);
        school.lost("l2", "hs4", "6a2", at(MONDAY.plusDays(2), LocalTime.of(8, 0)));

        assertThat(answers.school(SCHOOL, MetricPeriod.WEEK, MONDAY)).hasFieldOrPropertyWithValue("metrics.overdueLoans", 1L)
                .hasFieldOrPropertyWithValue("metrics.overdueLoansNow", 1L);
        assertThat(answers.ofClass(SCHOOL, "6a2", MetricPeriod.WEEK, MONDAY)).hasFieldOrPropertyWithValue("metrics.overdueLoans", 0L);
    }

    @Test
    void aSchoolAnswerListsItsClassesButNoStudent() {
        school.on(MONDAY, LocalTime.of(9, 0));
        school.loan("l1", "hs1", "6a1", at(MONDAY, LocalTime.of(9, 0)));

        SchoolMetricsView answer = answers.school(SCHOOL, MetricPeriod.WEEK, MONDAY);

        List<SchoolMetricsView.ClassLine> classes = answer.classes();
        assertThat(classes).extracting(SchoolMetricsView.ClassLine::classId).containsExactly("6a1", "6a2");
        assertThat(classes.get(0)).hasFieldOrPropertyWithValue("metrics.loans", 1L).hasFieldOrPropertyWithValue("metrics.enrolledStudents", 3L);
        assertThat(answer.toString()).doesNotContain("hs1", "Học sinh");
    }

    @Test
    void unknownSchoolClassOrPeriodAreNotFound() {
        assertThatThrownBy(() -> answers.school("th-khac", MetricPeriod.WEEK, MONDAY)).isInstanceOf(Refused.class)
                .hasMessage("SCHOOL_NOT_FOUND");
        assertThatThrownBy(() -> answers.ofClass(SCHOOL, "9z9", MetricPeriod.WEEK, MONDAY)).isInstanceOf(Refused.class)
                .hasMessage("CLASS_NOT_FOUND");
        // summer: no semester contains the day
        assertThatThrownBy(() -> answers.school(SCHOOL, MetricPeriod.SEMESTER, LocalDate.of(2026, 7, 1)))
                .isInstanceOf(ApiProblem.class).hasMessage("PERIOD_NOT_SCHEDULED");
    }
}
