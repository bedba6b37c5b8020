package vn.motsach.query.evaluation;

import java.math.BigDecimal;
import java.util.List;
import vn.motsach.events.evaluation.Circular16.Level;

/**
 * What one criterion's rule found: the value and thresholds where it counts something, whether
 * the criterion is met at each level, the evidence, and what the school would have to do at each
 * level, in words a principal understands ({@code null} where nothing is missing).
 */
record Judgement(BigDecimal value, BigDecimal threshold, BigDecimal thresholdLevel2, boolean metLevel1, boolean metLevel2,
        List<String> evidence, String missingLevel1, String missingLevel2) {

    Judgement {
        evidence = List.copyOf(evidence);
    }

    /** A criterion that is met or not whatever the level. */
    static Judgement of(boolean met, List<String> evidence, String missing) {
        return new Judgement(null, null, null, met, met, evidence, met ? null : missing, met ? null : missing);
    }

    /** The level reached by a criterion first required at {@code requiredFor}. */
    Level level(Level requiredFor) {
        if (requiredFor == Level.LEVEL_2) {
            return metLevel2 ? Level.LEVEL_2 : Level.LEVEL_1;
        }
        if (!metLevel1) {
            return Level.NOT_MET;
        }
        return metLevel2 ? Level.LEVEL_2 : Level.LEVEL_1;
    }

    boolean met(Level requiredFor) {
        return requiredFor == Level.LEVEL_2 ? metLevel2 : metLevel1;
    }

    String missingFor(Level next) {
        return next == Level.LEVEL_1 ? missingLevel1 : missingLevel2;
    }
}
