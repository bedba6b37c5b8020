package vn.motsach.analytics.metrics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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

    public Map<String, Object> school(String schoolId, MetricPeriod kind, LocalDate on) {
        SchoolProfile school = metrics.school(schoolId);
        SchoolPeriod data = metrics.load(school, metrics.period(school, kind, on));
        Metrics ofSchool = data.ofSchool();
        Map<String, Object> answer = head("schoolId", schoolId, data.period());
        answer.put("name", school.name());
        answer.put("authorityId", school.authorityId());
        answer.putAll(ofSchool.fields());
        answer.put("asOf", data.asOf(ofSchool));
        List<Map<String, Object>> classes = data.classesOfPeriod().stream().map(profile -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("classId", profile.classId());
            line.put("name", profile.name());
            line.put("grade", profile.grade());
            Metrics ofClass = data.ofClass(profile.classId());
            line.putAll(ofClass.fields());
            line.put("asOf", data.asOf(ofClass));
            return line;
        }).toList();
        answer.put("classes", classes);
        return answer;
    }

    public Map<String, Object> ofClass(String schoolId, String classId, MetricPeriod kind, LocalDate on) {
        SchoolProfile school = metrics.school(schoolId);
        SchoolPeriod data = metrics.load(school, metrics.period(school, kind, on));
        if (!data.knowsClass(classId)) {
            throw new Refused(RefusalCode.CLASS_NOT_FOUND, classId);
        }
        ClassProfile profile = data.classProfile(classId);
        Metrics ofClass = data.ofClass(classId);
        Map<String, Object> answer = head("classId", classId, data.period());
        answer.put("schoolId", schoolId);
        answer.put("name", profile == null ? null : profile.name());
        answer.put("grade", profile == null ? null : profile.grade());
        answer.putAll(ofClass.fields());
        answer.put("asOf", data.asOf(ofClass));
        List<StudentLine> students = data.students(classId);
        Map<String, String> named = names.of(schoolId, students.stream().map(StudentLine::patronId).toList());
        answer.put("students", students.stream().map(line -> line.named(named.get(line.patronId()))).toList());
        return answer;
    }

    private static Map<String, Object> head(String idField, String id, Period period) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(idField, id);
        answer.put("period", period.kind());
        answer.put("from", period.from());
        answer.put("to", period.to());
        return answer;
    }
}
