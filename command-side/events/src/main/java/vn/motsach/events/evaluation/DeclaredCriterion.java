package vn.motsach.events.evaluation;

import java.util.List;

/**
 * A criterion the school answers itself (facilities, equipment, staff): whether it is met, and
 * the evidence it can show (a decision, a photo's name, a minute).
 */
public record DeclaredCriterion(String criterionId, boolean met, List<String> evidence) {

    public DeclaredCriterion {
        evidence = List.copyOf(evidence);
    }
}
