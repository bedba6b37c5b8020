package vn.motsach.analytics.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.motsach.analytics.calendar.Period;
import vn.motsach.analytics.metrics.SchoolPeriod.StudentLine;
import vn.motsach.analytics.roster.ClassProfile;
import vn.motsach.analytics.roster.PatronNames;
import vn.motsach.analytics.roster.SchoolProfile;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;

/**
 * The answers of the metrics endpoints, in the contract's shape. A school answer lists its
 * classes with their metrics but no student; only a class answer names its own students.
 */
public final class MetricsAnswers {

    private final ReadingMetrics metrics;
    private final PatronNames names;

    public MetricsAnswers(ReadingMetrics metrics, PatronNames names) {
        this.metrics = metrics;
        this.names = names;
    }

    public SchoolMetricsView school(String schoolId, MetricPeriod kind, LocalDate on) {
        SchoolProfile school = metrics.school(schoolId);
        SchoolPeriod data = metrics.load(school, metrics.period(school, kind, on));
        Metrics ofSchool = data.ofSchool();
        Period period = data.period();
        List<SchoolMetricsView.ClassLine> classes = data.classesOfPeriod().stream().map(profile -> {
            Metrics ofClass = data.ofClass(profile.classId());
            return new SchoolMetricsView.ClassLine(profile.classId(), profile.name(), profile.grade(),
                    ofClass.values(data.asOf(ofClass)));
        }).toList();
        return new SchoolMetricsView(schoolId, period.kind(), period.from(), period.to(), school.name(), school.authorityId(),
                ofSchool.values(data.asOf(ofSchool)), classes);
    }

    public ClassMetricsView ofClass(String schoolId, String classId, MetricPeriod kind, LocalDate on) {
        SchoolProfile school = metrics.school(schoolId);
        SchoolPeriod data = metrics.load(school, metrics.period(school, kind, on));
        if (!data.knowsClass(classId)) {
            throw new Refused(RefusalCode.CLASS_NOT_FOUND, classId);
        }
        ClassProfile profile = data.classProfile(classId);
        Metrics ofClass = data.ofClass(classId);
        Period period = data.period();
        List<StudentLine> students = data.students(classId);
        Map<String, String> named = names.of(schoolId, students.stream().map(StudentLine::patronId).toList());
        return new ClassMetricsView(classId, period.kind(), period.from(), period.to(), schoolId,
                profile == null ? null : profile.name(), profile == null ? null : profile.grade(),
                ofClass.values(data.asOf(ofClass)),
                students.stream().map(line -> line.named(named.get(line.patronId()))).toList());
    }
}
