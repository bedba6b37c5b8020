package vn.motsach.analytics.authorities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import vn.motsach.analytics.metrics.Metrics;
import vn.motsach.analytics.metrics.MetricsQuery;

/**
 * An authority's reading metrics: the sum of its schools' counts for the period, with the
 * rates computed again from the sums (not averaged), and one line per school. Only counts
 * cross from a school's answer into the authority's: no class, no student, no name of a child.
 */
final class AuthorityRollUp {

    interface SchoolAnswers {

        /** The school's own metrics answer, or empty when it has none for the period. */
        Optional<JsonNode> of(String schoolId, MetricsQuery query);
    }

    private AuthorityRollUp() {
    }

    static AuthorityMetricsView of(String authorityId, List<String> schoolIds, MetricsQuery query, SchoolAnswers answers) {
        Metrics total = Metrics.NONE;
        LocalDate from = null;
        LocalDate to = null;
        List<AuthorityMetricsView.SchoolLine> schools = new ArrayList<>();
        for (String schoolId : schoolIds) {
            Optional<JsonNode> answer = answers.of(schoolId, query);
            if (answer.isEmpty()) {
                schools.add(new AuthorityMetricsView.Unscheduled(schoolId, false));
                continue;
            }
            JsonNode school = answer.get();
            Metrics metrics = countsOf(school);
            total = total.plus(metrics);
            LocalDate schoolFrom = LocalDate.parse(school.path("from").asString());
            LocalDate schoolTo = LocalDate.parse(school.path("to").asString());
            from = from == null || schoolFrom.isBefore(from) ? schoolFrom : from;
            to = to == null || schoolTo.isAfter(to) ? schoolTo : to;
            schools.add(new AuthorityMetricsView.Scheduled(schoolId, school.path("name").asString(null), schoolFrom, schoolTo,
                    true, metrics.values()));
        }
        return new AuthorityMetricsView(authorityId, query.period(), from, to, total.values(), schools);
    }

    private static Metrics countsOf(JsonNode school) {
        String asOf = school.path("asOf").asString(null);
        return new Metrics(school.path("loans").asLong(), school.path("activeReaders").asLong(),
                school.path("enrolledStudents").asLong(), school.path("readingMinutes").asLong(),
                school.path("selfReportedReadingMinutes").asLong(),
                school.path("libraryPeriods").asLong(), school.path("libraryPeriodAttendances").asLong(),
                school.path("libraryPeriodSeats").asLong(), school.path("readingEventParticipants").asLong(),
                school.path("overdueLoans").asLong(), school.path("overdueLoansNow").asLong(),
                asOf == null ? null : Instant.parse(asOf));
    }
}
