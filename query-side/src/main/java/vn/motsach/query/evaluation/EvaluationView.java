package vn.motsach.query.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.evaluation.Circular16.Level;
import vn.motsach.events.evaluation.Circular16.Source;

/**
 * A school's Circular 16 evaluation for a school year: each criterion with its value, the
 * level 1 threshold ({@code threshold}) and the level 2 one, whether it is met and the level it
 * reaches; each standard's level (the lowest of its criteria), the school's (the lowest of its
 * standards), and what is missing for the next level.
 */
public record EvaluationView(
        String schoolId,
        String schoolName,
        String schoolYear,
        List<EducationLevel> educationLevels,
        Level level,
        List<StandardView> standards,
        MissingView missingForNextLevel,
        @Nullable String thresholdsSetBy,
        Instant computedAt) {

    public record StandardView(int standard, String name, String nameEn, Level level, List<CriterionView> criteria) {
    }

    /** {@code met}: met at the level that first requires it ({@code requiredFor}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CriterionView(
            String criterionId,
            String text,
            String textEn,
            Source source,
            Level requiredFor,
            @Nullable BigDecimal value,
            @Nullable BigDecimal threshold,
            @Nullable BigDecimal thresholdLevel2,
            boolean met,
            Level level,
            List<String> evidence,
            @Nullable String missing) {
    }

    /** The level the school is short of ({@code null} at level 2), and what it lacks for it, in words. */
    public record MissingView(@Nullable Level nextLevel, List<MissingItem> items) {
    }

    public record MissingItem(String criterionId, int standard, String text) {
    }
}
