package vn.motsach.query.patrons;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.PatronCategory;
import vn.motsach.query.holds.HoldView;
import vn.motsach.query.loans.LoanView;

/**
 * A patron with their class today, whether they are active (not left, or rejoined), their open
 * loans and their holds still waiting or ready.
 */
record PatronView(String patronId, String fullName, @Schema(implementation = PatronCategory.class) String category,
        @Nullable String classId, boolean active, LocalDate registeredOn, @Nullable LocalDate leftOn, List<LoanView> openLoans,
        List<HoldView> holds) {
}
