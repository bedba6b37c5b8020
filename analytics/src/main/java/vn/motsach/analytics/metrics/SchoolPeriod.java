package vn.motsach.analytics.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import vn.motsach.analytics.calendar.Period;
import vn.motsach.analytics.readers.ClassTotals;
import vn.motsach.analytics.readers.Latest;
import vn.motsach.analytics.readers.OverdueLoan;
import vn.motsach.analytics.readers.ReaderActivityTopology;
import vn.motsach.analytics.readers.StudentActivity;
import vn.motsach.analytics.roster.ClassProfile;
import vn.motsach.analytics.roster.RosterEntry;
import vn.motsach.analytics.roster.SchoolProfile;
import vn.motsach.analytics.streams.StoreKeys;

/**
 * Everything one school did in one period, read from the stores in one pass, from which the
 * metrics of the school, each class and each grade are computed. Enrolment comes from the
 * roster's class history, so it is the roster as it was in the period.
 */
public final class SchoolPeriod {

    private final SchoolProfile school;
    private final Period period;
    private final Map<String, ClassProfile> classes;
    private final List<RosterEntry> roster;
    /** class (or {@link ReaderActivityTopology#NO_CLASS}) → patron → activity */
    private final Map<String, Map<String, StudentActivity>> activity;
    private final Map<String, ClassTotals> totals;
    private final List<OverdueLoan> overdueNow;

    SchoolPeriod(SchoolProfile school, Period period, Map<String, ClassProfile> classes, List<RosterEntry> roster,
            Map<String, Map<String, StudentActivity>> activity, Map<String, ClassTotals> totals, List<OverdueLoan> overdueNow) {
        this.school = school;
        this.period = period;
        this.classes = classes;
        this.roster = roster;
        this.activity = activity;
        this.totals = totals;
        this.overdueNow = overdueNow;
    }

    public SchoolProfile school() {
        return school;
    }

    public Period period() {
        return period;
    }

    public Metrics ofSchool() {
        return metrics(classId -> true);
    }

    public Metrics ofClass(String classId) {
        return metrics(classId::equals);
    }

    public Metrics ofGrade(int grade) {
        return metrics(inGrade(grade));
    }

    public Predicate<String> inGrade(int grade) {
        return classId -> {
            ClassProfile profile = classId == null ? null : classes.get(classId);
            return profile != null && profile.grade() == grade;
        };
    }

    public boolean knowsClass(String classId) {
        return classes.containsKey(classId) || activity.containsKey(classId) || totals.containsKey(classId);
    }

    public ClassProfile classProfile(String classId) {
        return classes.get(classId);
    }

    /**
     * The classes an answer for the period lists: those of the school year the period falls in,
     * and any other class with activity or students in the period.
     */
    public List<ClassProfile> classesOfPeriod() {
        String schoolYear = school.calendar().yearOf(period.from())
                .or(() -> school.calendar().yearOf(period.to()))
                .map(year -> year.schoolYear()).orElse(null);
        Map<String, ClassProfile> listed = new TreeMap<>();
        classes.values().stream()
                .filter(profile -> profile.schoolYear().equals(schoolYear) || activity.containsKey(profile.classId())
                        || totals.containsKey(profile.classId())
                        || roster.stream().anyMatch(entry -> entry.enrolledIn(profile.classId(), period)))
                .forEach(profile -> listed.put(profile.classId(), profile));
        return new ArrayList<>(listed.values());
    }

    /** How many classes of the school year match, the denominator of library periods per class. */
    public long classCount(Predicate<String> inScope) {
        return classesOfPeriod().stream().filter(profile -> inScope.test(profile.classId())).count();
    }

    /** The students of a class in the period: those enrolled, and any who read under the class. */
    public List<StudentLine> students(String classId) {
        Map<String, StudentActivity> ofClass = activity.getOrDefault(classId, Map.of());
        Map<String, StudentLine> lines = new TreeMap<>();
        for (RosterEntry entry : roster) {
            if (entry.enrolledIn(classId, period) || ofClass.containsKey(entry.patronId())) {
                lines.put(entry.patronId(), StudentLine.of(entry.patronId(), null,
                        ofClass.getOrDefault(entry.patronId(), null)));
            }
        }
        ofClass.forEach((patronId, done) -> lines.putIfAbsent(patronId, StudentLine.of(patronId, null, done)));
        return new ArrayList<>(lines.values());
    }

    /** The newest event this answer includes; the school's own last change when nothing happened yet. */
    public Instant asOf(Metrics metrics) {
        return Latest.of(metrics.asOf(), school.updatedAt());
    }

    private Metrics metrics(Predicate<String> inScope) {
        long loans = 0;
        long minutes = 0;
        long selfReported = 0;
        Instant asOf = null;
        Set<String> active = new HashSet<>();
        Set<String> participants = new HashSet<>();
        for (Map.Entry<String, Map<String, StudentActivity>> byClass : activity.entrySet()) {
            String classId = ReaderActivityTopology.NO_CLASS.equals(byClass.getKey()) ? null : byClass.getKey();
            if (!inScope.test(classId)) {
                continue;
            }
            for (Map.Entry<String, StudentActivity> student : byClass.getValue().entrySet()) {
                StudentActivity done = student.getValue();
                loans += done.loans();
                minutes += done.readingMinutes();
                selfReported += done.selfReportedMinutes();
                asOf = Latest.of(asOf, done.asOf());
                if (done.active()) {
                    active.add(student.getKey());
                }
                if (done.readingEvents() > 0) {
                    participants.add(student.getKey());
                }
            }
        }
        long libraryPeriods = 0;
        long attendances = 0;
        long seats = 0;
        long overdue = 0;
        for (Map.Entry<String, ClassTotals> byClass : totals.entrySet()) {
            String classId = ReaderActivityTopology.NO_CLASS.equals(byClass.getKey()) ? null : byClass.getKey();
            if (!inScope.test(classId)) {
                continue;
            }
            ClassTotals total = byClass.getValue();
            libraryPeriods += total.libraryPeriods();
            attendances += total.libraryPeriodAttendances();
            seats += total.libraryPeriodSeats();
            overdue += total.overdueLoans();
            asOf = Latest.of(asOf, total.asOf());
        }
        long enrolled = roster.stream()
                .filter(entry -> entry.isStudent() && entry.memberships().stream()
                        .anyMatch(m -> inScope.test(m.classId()) && period.overlaps(m.from(), m.to())))
                .count();
        long stillOut = overdueNow.stream().filter(loan -> inScope.test(loan.classId())).count();
        return new Metrics(loans, active.size(), enrolled, minutes, selfReported, libraryPeriods, attendances, seats,
                participants.size(), overdue, stillOut, asOf);
    }

    /**
     * One student's line in a class answer: only class-level answers carry names, which
     * {@link vn.motsach.analytics.roster.PatronNames} gives when the answer is made.
     *
     * @param readingMinutes the minutes the school saw; those reported from home are apart
     */
    public record StudentLine(String patronId, @Nullable String fullName, int loans, int readingMinutes,
            int selfReportedReadingMinutes, int libraryPeriodsAttended, int readingEvents, boolean active) {

        public StudentLine named(String name) {
            return new StudentLine(patronId, name, loans, readingMinutes, selfReportedReadingMinutes, libraryPeriodsAttended,
                    readingEvents, active);
        }

        static StudentLine of(String patronId, String fullName, StudentActivity done) {
            StudentActivity counted = done == null ? StudentActivity.NONE : done;
            return new StudentLine(patronId, fullName, counted.loans(), counted.readingMinutes(),
                    counted.selfReportedMinutes(), counted.libraryPeriodsAttended(), counted.readingEvents(), counted.active());
        }
    }

    static Map<String, Map<String, StudentActivity>> byClassAndPatron(Map<String, StudentActivity> rows) {
        Map<String, Map<String, StudentActivity>> grouped = new HashMap<>();
        rows.forEach((classAndPatron, done) -> grouped
                .computeIfAbsent(StoreKeys.first(classAndPatron), key -> new LinkedHashMap<>())
                .put(StoreKeys.last(classAndPatron), Objects.requireNonNull(done)));
        return grouped;
    }
}
