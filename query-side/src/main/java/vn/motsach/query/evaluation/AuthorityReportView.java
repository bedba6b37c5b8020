package vn.motsach.query.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.evaluation.Circular16.Level;

/**
 * An authority's Circular 16 report for a school year: for each education level (schools of
 * several levels apart, as {@code MULTI_LEVEL}), how many schools and what share reached level 1,
 * level 2 or neither, with the line a report writes ("Tiểu học: 28/30 trường (93,3%) mức độ 1");
 * then one line per school with its level and each standard's. Aggregates and school figures only.
 */
public record AuthorityReportView(String authorityId, String schoolYear, List<LevelSummary> levels, LevelSummary total,
        List<SchoolLine> schools, Instant computedAt) {

    public static final String MULTI_LEVEL = "MULTI_LEVEL";

    /** Shares are percentages with one decimal; {@code level1} counts the schools at level 1 exactly, not those at level 2. */
    public record LevelSummary(String educationLevel, String name, int schools, int level1, BigDecimal level1Share, int level2,
            BigDecimal level2Share, int notMet, BigDecimal notMetShare, String summary) {
    }

    public record SchoolLine(String schoolId, String name, List<EducationLevel> educationLevels, Level level,
            List<Level> standards) {
    }
}
