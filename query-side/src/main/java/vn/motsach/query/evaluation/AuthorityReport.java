package vn.motsach.query.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.evaluation.Circular16.Level;
import vn.motsach.query.evaluation.AuthorityReportView.LevelSummary;
import vn.motsach.query.evaluation.AuthorityReportView.SchoolLine;
import vn.motsach.query.evaluation.EvaluationView.StandardView;

/** Sums the evaluations of an authority's schools into its report. */
final class AuthorityReport {

    private AuthorityReport() {
    }

    static AuthorityReportView of(String authorityId, String schoolYear, List<EvaluationView> evaluations, Instant computedAt) {
        Map<String, List<EvaluationView>> byLevel = new LinkedHashMap<>();
        for (EducationLevel level : EducationLevel.values()) {
            byLevel.put(level.name(), new ArrayList<>());
        }
        byLevel.put(AuthorityReportView.MULTI_LEVEL, new ArrayList<>());
        List<SchoolLine> lines = new ArrayList<>();
        for (EvaluationView school : evaluations) {
            String group = school.educationLevels().size() == 1 ? school.educationLevels().get(0).name() : AuthorityReportView.MULTI_LEVEL;
            byLevel.get(group).add(school);
            lines.add(new SchoolLine(school.schoolId(), school.schoolName(), school.educationLevels(), school.level(),
                    school.standards().stream().map(StandardView::level).toList()));
        }
        List<LevelSummary> levels = new ArrayList<>();
        byLevel.forEach((group, schools) -> {
            if (!schools.isEmpty()) {
                levels.add(summary(group, nameOf(group), schools));
            }
        });
        return new AuthorityReportView(authorityId, schoolYear, levels, summary("ALL", "Tổng cộng", evaluations), lines, computedAt);
    }

    private static LevelSummary summary(String group, String name, List<EvaluationView> schools) {
        int level1 = count(schools, Level.LEVEL_1);
        int level2 = count(schools, Level.LEVEL_2);
        int notMet = count(schools, Level.NOT_MET);
        int all = schools.size();
        BigDecimal share1 = share(level1, all);
        BigDecimal share2 = share(level2, all);
        BigDecimal shareNone = share(notMet, all);
        String line = name + ": " + part(level1, all, share1) + " mức độ 1; " + part(level2, all, share2) + " mức độ 2; "
                + part(notMet, all, shareNone) + " chưa đạt";
        return new LevelSummary(group, name, all, level1, share1, level2, share2, notMet, shareNone, line);
    }

    private static String part(int count, int all, BigDecimal share) {
        return count + "/" + all + " trường (" + Words.number(share) + "%)";
    }

    private static int count(List<EvaluationView> schools, Level level) {
        return (int) schools.stream().filter(school -> school.level() == level).count();
    }

    private static BigDecimal share(int part, int whole) {
        if (whole == 0) {
            return BigDecimal.ZERO;
        }
        return Words.tidy(BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP));
    }

    static String nameOf(String group) {
        return group.equals(AuthorityReportView.MULTI_LEVEL) ? "Trường nhiều cấp học" : Words.level(EducationLevel.valueOf(group));
    }
}
