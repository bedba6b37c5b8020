package vn.motsach.events.evaluation;

import java.math.BigDecimal;
import java.util.List;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;

/**
 * What a school declared about its library for a school year, where software cannot count: the
 * reading room's area, its seats, and its answers to the declared criteria of
 * {@link Circular16}. Declared again in full when it changes.
 */
@Revision("1")
public record LibraryProfileDeclared(
        SchoolId schoolId,
        SchoolYear schoolYear,
        BigDecimal readingRoomM2,
        int seats,
        List<DeclaredCriterion> criteria)
        implements EvaluationEvent {

    public LibraryProfileDeclared {
        criteria = List.copyOf(criteria);
    }
}
