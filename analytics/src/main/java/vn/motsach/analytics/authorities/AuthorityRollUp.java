package vn.motsach.analytics.authorities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    static Map<String, Object> of(String authorityId, List<String> schoolIds, MetricsQuery query, SchoolAnswers answers) {
        Metrics total = Metrics.NONE;
        LocalDate from = null;
        LocalDate to = null;
        List<Map<String, Object>> schools = new ArrayList<>();
        for (String schoolId : schoolIds) {
            Optional<JsonNode> answer = answers.of(schoolId, query);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("schoolId", schoolId);
            if (answer.isEmpty()) {
                line.put("periodScheduled", false);
                schools.add(line);
                continue;
            }
            JsonNode school = answer.get();
            Metrics metrics = countsOf(school);
            total = total.plus(metrics);
            LocalDate schoolFrom = LocalDate.parse(school.path("from").asString());
            LocalDate schoolTo = LocalDate.parse(school.path("to").asString());
            from = from == null || schoolFrom.isBefore(from) ? schoolFrom : from;
            to = to == null || schoolTo.isAfter(to) ? schoolTo : to;
            line.put("name", school.path("name").asString(null));
            line.put("from", schoolFrom);
            line.put("to", schoolTo);
            line.put("periodScheduled", true);
            line.putAll(metrics.fields());
            schools.add(line);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("authorityId", authorityId);
        answer.put("period", query.period());
        answer.put("from", from);
        answer.put("to", to);
        answer.putAll(total.fields());
        answer.put("schools", schools);
        return answer;
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
