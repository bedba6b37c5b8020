package vn.motsach.analytics.targets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import vn.motsach.analytics.calendar.Period;
import vn.motsach.analytics.metrics.Metrics;
import vn.motsach.analytics.metrics.ReadingMetrics;
import vn.motsach.analytics.metrics.SchoolPeriod;
import vn.motsach.analytics.readers.Latest;
import vn.motsach.analytics.roster.SchoolProfile;
import vn.motsach.analytics.streams.StoreKeys;
import vn.motsach.events.TargetMetric;
import vn.motsach.events.TargetScope;
import vn.motsach.events.reading.ReadingTargetSet;

/**
 * Each target of a school joined with its metric for the current period (the one containing
 * today): the value, the progress towards the threshold, and whether it is on track, that is
 * whether the progress is at least the share of the period's school days already passed.
 */
final class TargetProgress {

    private final ReadingMetrics metrics;

    TargetProgress(ReadingMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * @param visibleClasses the classes the caller may see: a teacher gets the school's and
     *     grades' targets and those of their own classes, not another class's progress
     */
    TargetsView of(String schoolId, Predicate<String> visibleClasses) {
        SchoolProfile school = metrics.school(schoolId);
        LocalDate today = metrics.today();
        Map<String, SchoolPeriod> loaded = new HashMap<>();
        List<TargetsView.TargetLine> items = new ArrayList<>();
        Instant asOf = school.updatedAt();
        try (KeyValueIterator<String, ReadingTargetRecord> targets = metrics.stores()
                .<ReadingTargetRecord>keyValueStore(ReadingTargetsTopology.TARGETS_STORE)
                .prefixScan(StoreKeys.prefix(schoolId), new StringSerializer())) {
            while (targets.hasNext()) {
                ReadingTargetRecord target = targets.next().value;
                if (target.scope() == TargetScope.CLASS && !visibleClasses.test(target.scopeId())) {
                    continue;
                }
                Optional<Period> period = school.calendar().period(target.period(), today);
                if (period.isEmpty()) {
                    items.add(line(target, null, null, null, null, null, null));
                } else {
                    SchoolPeriod data = loaded.computeIfAbsent(period.get().key(), key -> metrics.load(school, period.get()));
                    Predicate<String> inScope = scope(target, data);
                    Metrics scoped = scoped(target, data);
                    double value = value(target, scoped, data.classCount(inScope));
                    double progress = target.threshold().signum() == 0 ? 1
                            : value / target.threshold().doubleValue();
                    double expected = school.calendar().shareElapsed(period.get(), today);
                    items.add(line(target, period.get().from(), period.get().to(), round(value), round(progress),
                            round(expected), progress >= expected));
                    asOf = Latest.of(asOf, scoped.asOf());
                }
                asOf = Latest.of(asOf, target.setAt());
            }
        }
        return new TargetsView(schoolId, today, items, asOf);
    }

    /**
     * One target with its progress, as the list shows it: read from the school's list, which
     * holds tens of targets, so that one target and the list can never disagree.
     */
    Optional<TargetsView.TargetView> one(String schoolId, String targetId, Predicate<String> visibleClasses) {
        TargetsView all = of(schoolId, visibleClasses);
        return all.items().stream()
                .filter(item -> targetId.equals(item.targetId()))
                .findFirst()
                .map(item -> new TargetsView.TargetView(schoolId, all.on(), item, all.asOf()));
    }

    private static TargetsView.TargetLine line(ReadingTargetRecord target, LocalDate from, LocalDate to, BigDecimal value,
            BigDecimal progress, BigDecimal expectedProgress, Boolean onTrack) {
        return new TargetsView.TargetLine(target.targetId(), target.metric(), measuredBy(target.metric()), target.scope(),
                target.scopeId(), target.period(), ReadingTargetSet.canonical(target.threshold()), from, to, value, progress,
                expectedProgress, onTrack);
    }

    private static Predicate<String> scope(ReadingTargetRecord target, SchoolPeriod data) {
        return switch (target.scope()) {
            case SCHOOL -> classId -> true;
            case CLASS -> classId -> classId != null && classId.equals(target.scopeId());
            case GRADE -> data.inGrade(gradeOf(target.scopeId()));
        };
    }

    private static Metrics scoped(ReadingTargetRecord target, SchoolPeriod data) {
        return switch (target.scope()) {
            case SCHOOL -> data.ofSchool();
            case CLASS -> data.ofClass(target.scopeId());
            case GRADE -> data.ofGrade(gradeOf(target.scopeId()));
        };
    }

    private static double value(ReadingTargetRecord target, Metrics metrics, long classes) {
        return switch (target.metric()) {
            case LOANS_PER_STUDENT -> metrics.loansPerStudent();
            case ACTIVE_READER_RATE -> metrics.activeReaderRate();
            case READING_MINUTES_PER_STUDENT -> metrics.readingMinutesPerStudent();
            case SELF_REPORTED_READING_MINUTES_PER_STUDENT -> metrics.selfReportedReadingMinutesPerStudent();
            case LIBRARY_PERIODS_PER_CLASS -> classes == 0 ? 0 : metrics.libraryPeriods() / (double) classes;
        };
    }

    /** The field of the metrics answers a target's value is: which reading minutes it counts, for one. */
    private static String measuredBy(TargetMetric metric) {
        return switch (metric) {
            case LOANS_PER_STUDENT -> "loansPerStudent";
            case ACTIVE_READER_RATE -> "activeReaderRate";
            case READING_MINUTES_PER_STUDENT -> "readingMinutesPerStudent";
            case SELF_REPORTED_READING_MINUTES_PER_STUDENT -> "selfReportedReadingMinutesPerStudent";
            case LIBRARY_PERIODS_PER_CLASS -> "libraryPeriodsPerClass";
        };
    }

    private static int gradeOf(String scopeId) {
        try {
            return Integer.parseInt(scopeId);
        } catch (NumberFormatException e) {
            return -1; // no class is in a grade that is not a number
        }
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(Math.round(value * 10_000.0) / 10_000.0);
    }
}
