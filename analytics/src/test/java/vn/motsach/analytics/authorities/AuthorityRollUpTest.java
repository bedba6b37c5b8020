package vn.motsach.analytics.authorities;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.analytics.SchoolFixture.at;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.SchoolFixture;
import vn.motsach.analytics.metrics.MetricsAnswers;
import vn.motsach.analytics.metrics.MetricsQuery;
import vn.motsach.analytics.roster.PatronNames;
import vn.motsach.analytics.streams.JsonSerde;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.Refused;
import vn.motsach.infra.web.ApiProblem;

class AuthorityRollUpTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    final SchoolFixture fixture = new SchoolFixture();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void anAuthoritySumsTheCountsOfItsSchoolsAndNamesNoStudent() {
        fixture.schoolWithCalendar("thcs-a", "so-quang-ngai").classOpened("thcs-a", "6a1", 6)
                .studentsOf("thcs-a", "6a1", "hs1", "hs2");
        fixture.schoolWithCalendar("thcs-b", "so-quang-ngai").classOpened("thcs-b", "6a1", 6)
                .studentsOf("thcs-b", "6a1", "hs1", "hs9");
        fixture.schoolWithCalendar("thcs-c", "xa-ly-son").classOpened("thcs-c", "6a1", 6).studentsOf("thcs-c", "6a1", "hs1");
        fixture.on(MONDAY, LocalTime.of(9, 0));
        fixture.loan("thcs-a", "a1", "hs1", PatronCategory.STUDENT, "6a1", at(MONDAY, LocalTime.of(9, 0)));
        fixture.loan("thcs-a", "a2", "hs1", PatronCategory.STUDENT, "6a1", at(MONDAY, LocalTime.of(9, 1)));
        fixture.loan("thcs-b", "b1", "hs9", PatronCategory.STUDENT, "6a1", at(MONDAY, LocalTime.of(9, 2)));
        fixture.loan("thcs-c", "c1", "hs1", PatronCategory.STUDENT, "6a1", at(MONDAY, LocalTime.of(9, 3)));

        ReadOnlyKeyValueStore<String, AuthoritySchools> lists =
                fixture.stores().keyValueStore(SchoolsPerAuthorityTopology.AUTHORITY_SCHOOLS_STORE);
        assertThat(lists.get("so-quang-ngai").schoolIds()).containsExactly("thcs-a", "thcs-b");

        MetricsAnswers answers = new MetricsAnswers(fixture.metrics(MONDAY), PatronNames.NONE);
        AuthorityMetricsView authority = AuthorityRollUp.of("so-quang-ngai", List.copyOf(lists.get("so-quang-ngai").schoolIds()),
                new MetricsQuery(MetricPeriod.WEEK, MONDAY), (school, query) -> {
                    try {
                        return Optional.of(JsonSerde.mapper().valueToTree(answers.school(school, query.period(), query.on())));
                    } catch (Refused | ApiProblem unknown) {
                        return Optional.empty();
                    }
                });

        assertThat(authority).hasFieldOrPropertyWithValue("metrics.loans", 3L).hasFieldOrPropertyWithValue("metrics.activeReaders", 2L)
                .hasFieldOrPropertyWithValue("metrics.enrolledStudents", 4L).hasFieldOrPropertyWithValue("metrics.activeReaderRate", 0.5)
                .hasFieldOrPropertyWithValue("from", MONDAY).hasFieldOrPropertyWithValue("to", MONDAY.plusDays(6));
        assertThat(authority.metrics().asOf()).isNotNull();
        List<AuthorityMetricsView.SchoolLine> schools = authority.schools();
        assertThat(schools).extracting("schoolId").containsExactly("thcs-a", "thcs-b");
        assertThat(schools.get(0)).hasFieldOrPropertyWithValue("name", "THCS thcs-a").hasFieldOrPropertyWithValue("metrics.loans", 2L);
        String json = JsonSerde.mapper().writeValueAsString(authority);
        assertThat(json).doesNotContain("hs1", "hs2", "hs9", "Học sinh", "students", "6a1");
    }

    @Test
    void aSchoolWithoutThePeriodInItsCalendarIsListedButNotCounted() {
        fixture.schoolWithCalendar("thcs-a", "so-quang-ngai");
        MetricsAnswers answers = new MetricsAnswers(fixture.metrics(MONDAY), PatronNames.NONE);
        AuthorityMetricsView authority = AuthorityRollUp.of("so-quang-ngai", List.of("thcs-a", "thcs-moi"),
                new MetricsQuery(MetricPeriod.SEMESTER, LocalDate.of(2026, 7, 1)), (school, query) -> {
                    try {
                        return Optional.of(JsonSerde.mapper().valueToTree(answers.school(school, query.period(), query.on())));
                    } catch (Refused | ApiProblem unknown) {
                        return Optional.empty();
                    }
                });
        assertThat(authority).hasFieldOrPropertyWithValue("metrics.loans", 0L).hasFieldOrPropertyWithValue("from", null);
        assertThat(authority.schools()).containsExactly(new AuthorityMetricsView.Unscheduled("thcs-a", false),
                new AuthorityMetricsView.Unscheduled("thcs-moi", false));
        assertThat(JsonSerde.mapper().writeValueAsString(authority.schools().get(1)))
                .isEqualTo("{\"schoolId\":\"thcs-moi\",\"periodScheduled\":false}");
    }
}
