package vn.motsach.analytics.periods;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import vn.motsach.analytics.metrics.ReadingMetrics;
import vn.motsach.analytics.readers.Latest;
import vn.motsach.analytics.readers.StudentActivity;
import vn.motsach.analytics.streams.StoreKeys;
import vn.motsach.infra.web.ApiProblem;

/**
 * How a library period went: who came, what share of the class, and what its attendees
 * borrowed and read that same day (did the period lead to reading?). Read at query time from
 * the day activity, so a loan recorded late for that day still counts.
 */
final class LibraryPeriodEvaluation {

    private final ReadingMetrics metrics;

    LibraryPeriodEvaluation(ReadingMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * @param visibleClasses the classes the caller may see: a period of another class is answered
     *     as unknown (404, as for an id that does not exist), so a teacher learns neither its
     *     attendees nor that it was held
     */
    LibraryPeriodEvaluationView of(String schoolId, String periodId, Predicate<String> visibleClasses) {
        metrics.school(schoolId);
        LibraryPeriodRecord period = metrics.stores().<LibraryPeriodRecord>keyValueStore(LibraryPeriodsTopology.PERIODS_STORE)
                .get(StoreKeys.of(schoolId, periodId));
        if (period == null || !visibleClasses.test(period.classId())) {
            throw ApiProblem.notFound("LIBRARY_PERIOD_NOT_FOUND", periodId);
        }
        Set<String> attendees = Set.copyOf(period.attendeeIds());
        long loans = 0;
        long minutes = 0;
        long selfReported = 0;
        Instant asOf = period.recordedAt();
        // an attendee's rows of the day, under whichever class each event named
        for (Map.Entry<String, StudentActivity> row : metrics.studentActivity().on(schoolId, period.heldOn()).entrySet()) {
            if (attendees.contains(StoreKeys.last(row.getKey()))) {
                loans += row.getValue().loans();
                minutes += row.getValue().readingMinutes();
                selfReported += row.getValue().selfReportedMinutes();
                asOf = Latest.of(asOf, row.getValue().asOf());
            }
        }
        return new LibraryPeriodEvaluationView(period.periodId(), period.classId(), period.heldOn(), period.activity(),
                period.attendeeIds().size(), period.attendeeIds(), period.enrolledStudents(),
                period.enrolledStudents() == 0 ? 0
                        : Math.round(period.attendeeIds().size() * 10_000.0 / period.enrolledStudents()) / 10_000.0,
                loans, minutes, selfReported, asOf);
    }
}
