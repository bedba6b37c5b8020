package vn.motsach.query.evaluation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.evaluation.Circular16;
import vn.motsach.events.evaluation.Circular16.Level;

/**
 * The numbers a school is evaluated by in a school year: the Circular's, with what its authority
 * set where the Circular leaves them open. {@code setBy} is that authority, {@code null} for the defaults.
 */
record Thresholds(String setBy, Map<EducationLevel, BigDecimal> copiesPerStudentLevel2,
        Map<EducationLevel, BigDecimal> copiesPerTeacherLevel2, int activitiesPerMonth, Set<DocType> countedDocTypes) {

    static final Thresholds DEFAULTS = new Thresholds(null, Map.of(), Map.of(), Circular16.DEFAULT_ACTIVITIES_PER_MONTH,
            Circular16.DEFAULT_COUNTED_DOC_TYPES);

    Thresholds {
        copiesPerStudentLevel2 = Map.copyOf(copiesPerStudentLevel2);
        copiesPerTeacherLevel2 = Map.copyOf(copiesPerTeacherLevel2);
        countedDocTypes = Set.copyOf(countedDocTypes);
    }

    Optional<BigDecimal> copiesPerStudent(EducationLevel education, Level level) {
        BigDecimal set = level == Level.LEVEL_2 ? copiesPerStudentLevel2.get(education) : null;
        return set != null ? Optional.of(set) : Circular16.copiesPerStudent(education, level);
    }

    Optional<BigDecimal> copiesPerTeacher(EducationLevel education, Level level) {
        BigDecimal set = level == Level.LEVEL_2 ? copiesPerTeacherLevel2.get(education) : null;
        return set != null ? Optional.of(set) : Circular16.copiesPerTeacher(education, level);
    }
}
