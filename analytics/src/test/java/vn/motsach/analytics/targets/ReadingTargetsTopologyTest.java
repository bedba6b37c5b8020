package vn.motsach.analytics.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.analytics.SchoolFixture.SCHOOL;
import static vn.motsach.analytics.SchoolFixture.at;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.SchoolFixture;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TargetMetric;
import vn.motsach.events.TargetScope;
import vn.motsach.events.reading.ReadingTargetRemoved;

class ReadingTargetsTopologyTest {

    /** Wednesday: 3 of the week's 5 school days have passed. */
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 4);

    final SchoolFixture school = new SchoolFixture().schoolWithCalendar().classOpened("6a1", 6).classOpened("7a1", 7)
            .students("6a1", "hs1", "hs2", "hs3").students("7a1", "hs4", "hs5");

    @AfterEach
    void tearDown() {
        school.close();
    }

    @Test
    void eachTargetShowsItsValueProgressAndWhetherItIsOnTrack() {
        school.target("lop-6a1", TargetMetric.ACTIVE_READER_RATE, TargetScope.CLASS, "6a1", MetricPeriod.WEEK, "0.5");
        school.target("khoi-7", TargetMetric.LOANS_PER_STUDENT, TargetScope.GRADE, "7", MetricPeriod.WEEK, "2");
        school.target("truong", TargetMetric.LIBRARY_PERIODS_PER_CLASS, TargetScope.SCHOOL, null, MetricPeriod.MONTH, "4");
        school.on(WEDNESDAY.minusDays(2), LocalTime.of(9, 0));
        school.loan("l1", "hs1", "6a1", at(WEDNESDAY.minusDays(2), LocalTime.of(9, 0)));
        school.session("hs2", "6a1", at(WEDNESDAY.minusDays(1), LocalTime.of(9, 0)), 15);
        school.loan("l2", "hs4", "7a1", at(WEDNESDAY, LocalTime.of(9, 0)));
        school.libraryPeriod(java.util.UUID.randomUUID(), "6a1", WEDNESDAY, 3, "hs1");

        Map<String, TargetsView.TargetLine> targets = byId(new TargetProgress(school.metrics(WEDNESDAY)).of(SCHOOL, classId -> true));

        assertThat(targets.get("lop-6a1")).hasFieldOrPropertyWithValue("value", new BigDecimal("0.6667"))
                .hasFieldOrPropertyWithValue("progress", new BigDecimal("1.3334")).hasFieldOrPropertyWithValue("expectedProgress", new BigDecimal("0.6"))
                .hasFieldOrPropertyWithValue("onTrack", true).hasFieldOrPropertyWithValue("from", LocalDate.of(2026, 3, 2));
        assertThat(targets.get("khoi-7")).hasFieldOrPropertyWithValue("value", new BigDecimal("0.5"))
                .hasFieldOrPropertyWithValue("progress", new BigDecimal("0.25")).hasFieldOrPropertyWithValue("onTrack", false);
        // one period held, two classes: half a period per class, of 4
        assertThat(targets.get("truong")).hasFieldOrPropertyWithValue("value", new BigDecimal("0.5"))
                .hasFieldOrPropertyWithValue("progress", new BigDecimal("0.125")).hasFieldOrPropertyWithValue("onTrack", false);
    }

    @Test
    void aTargetSetAgainReplacesTheOldOneAndFollowsNewEventsLive() {
        school.target("lop-6a1", TargetMetric.ACTIVE_READER_RATE, TargetScope.CLASS, "6a1", MetricPeriod.WEEK, "0.9");
        school.target("lop-6a1", TargetMetric.ACTIVE_READER_RATE, TargetScope.CLASS, "6a1", MetricPeriod.WEEK, "0.3");
        TargetProgress progress = new TargetProgress(school.metrics(WEDNESDAY));
        assertThat(byId(progress.of(SCHOOL, classId -> true)).get("lop-6a1")).hasFieldOrPropertyWithValue("onTrack", false)
                .hasFieldOrPropertyWithValue("threshold", new BigDecimal("0.3"));

        school.on(WEDNESDAY, LocalTime.of(9, 0));
        school.loan("l1", "hs1", "6a1", at(WEDNESDAY, LocalTime.of(9, 0)));

        TargetsView.TargetLine target = byId(progress.of(SCHOOL, classId -> true)).get("lop-6a1");
        assertThat(target).hasFieldOrPropertyWithValue("value", new BigDecimal("0.3333")).hasFieldOrPropertyWithValue("onTrack", true);
        assertThat(progress.of(SCHOOL, classId -> true).items()).hasSize(1);
    }

    @Test
    void aReadingMinutesTargetCountsTheMinutesTheSchoolSawAndAnotherThoseReadAtHome() {
        school.target("phut-doc", TargetMetric.READING_MINUTES_PER_STUDENT, TargetScope.CLASS, "6a1", MetricPeriod.WEEK, "10");
        school.target("phut-o-nha", TargetMetric.SELF_REPORTED_READING_MINUTES_PER_STUDENT, TargetScope.CLASS, "6a1",
                MetricPeriod.WEEK, "10");
        school.on(WEDNESDAY, LocalTime.of(9, 0));
        school.session("hs1", "6a1", at(WEDNESDAY, LocalTime.of(9, 0)), 15);
        school.homeSession("hs2", "6a1", at(WEDNESDAY, LocalTime.of(20, 0)), 45);

        Map<String, TargetsView.TargetLine> targets = byId(new TargetProgress(school.metrics(WEDNESDAY)).of(SCHOOL, classId -> true));

        assertThat(targets.get("phut-doc")).hasFieldOrPropertyWithValue("value", new BigDecimal("5.0"))
                .hasFieldOrPropertyWithValue("measuredBy", "readingMinutesPerStudent");
        assertThat(targets.get("phut-o-nha")).hasFieldOrPropertyWithValue("value", new BigDecimal("15.0"))
                .hasFieldOrPropertyWithValue("measuredBy", "selfReportedReadingMinutesPerStudent");
    }

    @Test
    void aTeacherSeesTheSchoolsAndGradesTargetsAndTheirOwnClassesOnly() {
        school.target("lop-6a1", TargetMetric.ACTIVE_READER_RATE, TargetScope.CLASS, "6a1", MetricPeriod.WEEK, "0.5");
        school.target("lop-7a1", TargetMetric.ACTIVE_READER_RATE, TargetScope.CLASS, "7a1", MetricPeriod.WEEK, "0.5");
        school.target("khoi-7", TargetMetric.LOANS_PER_STUDENT, TargetScope.GRADE, "7", MetricPeriod.WEEK, "2");

        assertThat(byId(new TargetProgress(school.metrics(WEDNESDAY)).of(SCHOOL, "7a1"::equals)).keySet())
                .containsExactlyInAnyOrder("lop-7a1", "khoi-7");
    }

    @Test
    void aRemovedTargetIsNoLongerShownAloneOrInTheList() {
        school.target("lop-6a1", TargetMetric.ACTIVE_READER_RATE, TargetScope.CLASS, "6a1", MetricPeriod.WEEK, "0.5");
        school.target("truong", TargetMetric.LOANS_PER_STUDENT, TargetScope.SCHOOL, null, MetricPeriod.MONTH, "2");
        TargetProgress progress = new TargetProgress(school.metrics(WEDNESDAY));
        assertThat(progress.one(SCHOOL, "lop-6a1", classId -> true)).hasValueSatisfying(target -> assertThat(target)
                .hasFieldOrPropertyWithValue("schoolId", SCHOOL)
                .hasFieldOrPropertyWithValue("target.threshold", new BigDecimal("0.5")).hasFieldOrProperty("target.progress"));

        school.publish(new ReadingTargetRemoved(SchoolId.of(SCHOOL), "lop-6a1"));

        assertThat(progress.one(SCHOOL, "lop-6a1", classId -> true)).isEmpty();
        assertThat(byId(progress.of(SCHOOL, classId -> true))).containsOnlyKeys("truong");
    }

    private static Map<String, TargetsView.TargetLine> byId(TargetsView answer) {
        Map<String, TargetsView.TargetLine> byId = new java.util.HashMap<>();
        answer.items().forEach(item -> byId.put(item.targetId(), item));
        return byId;
    }
}
