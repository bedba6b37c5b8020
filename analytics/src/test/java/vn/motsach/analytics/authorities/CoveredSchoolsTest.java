package vn.motsach.analytics.authorities;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.analytics.SchoolFixture.at;
import static vn.motsach.events.authority.AuthorityKind.COMMUNE_OFFICE;
import static vn.motsach.events.authority.AuthorityKind.DISTRICT_OFFICE;
import static vn.motsach.events.authority.AuthorityKind.PROVINCE_DEPARTMENT;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.SchoolFixture;
import vn.motsach.analytics.metrics.MetricsAnswers;
import vn.motsach.analytics.metrics.MetricsQuery;
import vn.motsach.analytics.roster.PatronNames;
import vn.motsach.analytics.streams.JsonSerde;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolSupervisionChanged;
import vn.motsach.events.school.Supervision;

/**
 * A province's Sở above two commune offices and a legacy district office, on the topology: the
 * schools each covers in a year at any depth, and a school moved from the district office to a
 * commune office from 2026-2027 on still counting under the district office (and so the province)
 * for 2025-2026.
 */
class CoveredSchoolsTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final SchoolYear Y2025 = SchoolYear.of("2025-2026");
    static final SchoolYear Y2026 = SchoolYear.of("2026-2027");

    final SchoolFixture fixture = new SchoolFixture();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void anAuthorityCoversTheSchoolsBelowItAtAnyDepthByTheYearTheyReportedToIt() {
        fixture.authority("so", PROVINCE_DEPARTMENT, null)
                .authority("xa-a", COMMUNE_OFFICE, "so")
                .authority("xa-b", COMMUNE_OFFICE, "so")
                .authority("huyen", DISTRICT_OFFICE, "so")
                .authority("so-khac", PROVINCE_DEPARTMENT, null);
        fixture.schoolWithCalendar("thcs-a", "xa-a").classOpened("thcs-a", "6a1", 6).studentsOf("thcs-a", "6a1", "hs1");
        fixture.schoolWithCalendar("thcs-b", "xa-b").classOpened("thcs-b", "6a1", 6).studentsOf("thcs-b", "6a1", "hs1");
        fixture.schoolWithCalendar("thpt-c", "so");
        fixture.schoolWithCalendar("thcs-e", "so-khac");
        fixture.schoolWithCalendar("thcs-d", "huyen").classOpened("thcs-d", "6a1", 6).studentsOf("thcs-d", "6a1", "hs1");
        fixture.on(MONDAY, LocalTime.of(9, 0));
        fixture.loan("thcs-a", "a1", "hs1", PatronCategory.STUDENT, "6a1", at(MONDAY, LocalTime.of(9, 0)));
        fixture.loan("thcs-d", "d1", "hs1", PatronCategory.STUDENT, "6a1", at(MONDAY, LocalTime.of(9, 1)));
        fixture.loan("thcs-d", "d2", "hs1", PatronCategory.STUDENT, "6a1", at(MONDAY, LocalTime.of(9, 2)));
        // from 2026-2027 on, thcs-d reports to commune A
        SchoolId moved = SchoolId.of("thcs-d");
        fixture.publish(new SchoolDetailsChanged(moved, "THCS thcs-d", List.of(EducationLevel.LOWER_SECONDARY), AuthorityId.of("xa-a")));
        fixture.publish(new SchoolSupervisionChanged(moved, List.of(new Supervision(null, AuthorityId.of("huyen")),
                new Supervision(Y2026, AuthorityId.of("xa-a")))));

        CoveredSchools covered = new CoveredSchools(
                fixture.stores().keyValueStore(SupervisionTopology.AUTHORITY_TREE_STORE),
                fixture.stores().keyValueStore(SupervisionTopology.SCHOOL_SUPERVISION_STORE));
        assertThat(covered.of("so", Y2025)).containsExactly("thcs-a", "thcs-b", "thcs-d", "thpt-c");
        assertThat(covered.of("so", Y2026)).containsExactly("thcs-a", "thcs-b", "thcs-d", "thpt-c");
        assertThat(covered.of("xa-a", Y2025)).containsExactly("thcs-a");
        assertThat(covered.of("xa-a", Y2026)).containsExactly("thcs-a", "thcs-d");
        assertThat(covered.of("huyen", Y2025)).containsExactly("thcs-d");
        assertThat(covered.of("huyen", Y2026)).isEmpty();
        assertThat(covered.of("xa-b", Y2025)).containsExactly("thcs-b");
        assertThat(covered.lineOf("xa-a")).contains(List.of("xa-a", "so"));
        assertThat(covered.lineOf("khong-co")).isEmpty();

        // the week of 2 March 2026 is in 2025-2026: the moved school's loans count for the district office and the province
        MetricsAnswers answers = new MetricsAnswers(fixture.metrics(MONDAY), PatronNames.NONE);
        MetricsQuery week = new MetricsQuery(MetricPeriod.WEEK, MONDAY);
        assertThat(AuthorityRollUp.of("so", covered.of("so", Y2025), week, (school, query) -> answer(answers, school, query))
                .metrics().loans()).isEqualTo(3);
        assertThat(AuthorityRollUp.of("xa-a", covered.of("xa-a", Y2025), week, (school, query) -> answer(answers, school, query))
                .metrics().loans()).isEqualTo(1);
        assertThat(AuthorityRollUp.of("huyen", covered.of("huyen", Y2025), week, (school, query) -> answer(answers, school, query))
                .metrics().loans()).isEqualTo(2);
    }

    private static Optional<tools.jackson.databind.JsonNode> answer(MetricsAnswers answers, String school, MetricsQuery query) {
        try {
            return Optional.of(JsonSerde.mapper().valueToTree(answers.school(school, query.period(), query.on())));
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
    }
}
