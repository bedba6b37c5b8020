package vn.motsach.analytics.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import vn.motsach.analytics.calendar.Period;
import vn.motsach.analytics.calendar.SchoolCalendar;
import vn.motsach.analytics.metrics.ReadingMetrics;
import vn.motsach.analytics.metrics.SchoolPeriod;
import vn.motsach.analytics.readers.ActivityTotals;
import vn.motsach.analytics.readers.Latest;
import vn.motsach.analytics.readers.StudentActivity;
import vn.motsach.analytics.roster.SchoolProfile;
import vn.motsach.analytics.streams.StoreKeys;
import vn.motsach.events.MetricPeriod;
import vn.motsach.infra.web.ApiProblem;

/**
 * Did a reading event make classes read more? For each participating class: its participation
 * rate, and its loans and reading minutes during the event against the same number of school
 * days just before it (closed days such as Tết and weekends skipped), with the difference as
 * the uplift.
 */
final class ReadingEventEvaluation {

    private final ReadingMetrics metrics;

    ReadingEventEvaluation(ReadingMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * @param visibleClasses the classes the caller may see: a teacher gets the lines of their own
     *     classes only, and an event of none of their classes is answered as unknown (404)
     */
    ReadingEventEvaluationView of(String schoolId, String eventId, Predicate<String> visibleClasses) {
        SchoolProfile school = metrics.school(schoolId);
        ReadingEventRecord event = metrics.stores().<ReadingEventRecord>keyValueStore(ReadingEventsTopology.EVENTS_STORE)
                .get(StoreKeys.of(schoolId, eventId));
        Set<String> classIds = new LinkedHashSet<>();
        if (event != null) {
            classIds.addAll(event.classIds());
            classIds.addAll(event.participantsByClass().keySet());
            classIds.removeIf(visibleClasses.negate());
        }
        if (classIds.isEmpty()) {
            throw ApiProblem.notFound("READING_EVENT_NOT_FOUND", eventId);
        }
        SchoolCalendar calendar = school.calendar();
        List<LocalDate> during = new ArrayList<>();
        for (LocalDate day = event.startsOn(); !day.isAfter(event.endsOn()); day = day.plusDays(1)) {
            during.add(day);
        }
        int schoolDays = Math.max(1, calendar.schoolDays(event.startsOn(), event.endsOn()));
        List<LocalDate> before = calendar.schoolDaysBefore(event.startsOn(), schoolDays);
        // enrolment of the event's days: the roster as it was then
        SchoolPeriod roster = metrics.load(school, new Period(MetricPeriod.WEEK, event.startsOn(), event.endsOn()));
        ActivityTotals<StudentActivity> activity = metrics.studentActivity();
        Map<String, StudentActivity> duringByClass = byClass(activity, schoolId, during);
        Map<String, StudentActivity> beforeByClass = byClass(activity, schoolId, before);
        Instant asOf = event.asOf();
        List<ReadingEventEvaluationView.ClassEvaluation> classes = new ArrayList<>();
        for (String classId : classIds) {
            StudentActivity duringSum = duringByClass.getOrDefault(classId, StudentActivity.NONE);
            StudentActivity beforeSum = beforeByClass.getOrDefault(classId, StudentActivity.NONE);
            asOf = Latest.of(asOf, Latest.of(duringSum.asOf(), beforeSum.asOf()));
            int participants = event.participantsByClass().getOrDefault(classId, Set.of()).size();
            long enrolled = roster.ofClass(classId).enrolledStudents();
            classes.add(new ReadingEventEvaluationView.ClassEvaluation(classId, participants, enrolled,
                    enrolled == 0 ? 0 : Math.round(participants * 10_000.0 / enrolled) / 10_000.0,
                    duringSum.loans(), beforeSum.loans(), duringSum.readingMinutes(), beforeSum.readingMinutes(),
                    duringSum.selfReportedMinutes(), beforeSum.selfReportedMinutes(), uplift(duringSum, beforeSum)));
        }
        return new ReadingEventEvaluationView(event.eventId(), event.name(), event.kind(), event.startsOn(), event.endsOn(),
                schoolDays, before.isEmpty() ? null : before.get(0), before.isEmpty() ? null : before.get(before.size() - 1),
                classes, asOf);
    }

    /** The difference during minus before, and the relative change when there was a baseline. */
    private static ReadingEventEvaluationView.Uplift uplift(StudentActivity during, StudentActivity before) {
        return new ReadingEventEvaluationView.Uplift(during.loans() - before.loans(),
                during.readingMinutes() - before.readingMinutes(), relative(during.loans(), before.loans()),
                relative(during.readingMinutes(), before.readingMinutes()));
    }

    private static Double relative(int during, int before) {
        return before == 0 ? null : Math.round((during - before) * 10_000.0 / before) / 10_000.0;
    }

    /** Loans and minutes of each class's students over {@code dates}. */
    private static Map<String, StudentActivity> byClass(ActivityTotals<StudentActivity> activity, String schoolId,
            List<LocalDate> dates) {
        Map<String, StudentActivity> sums = new HashMap<>();
        activity.on(schoolId, dates).forEach((classAndPatron, done) ->
                sums.merge(StoreKeys.first(classAndPatron), done, StudentActivity::plus));
        return sums;
    }
}
