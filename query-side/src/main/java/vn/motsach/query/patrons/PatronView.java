package vn.motsach.query.patrons;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.PatronCategory;
import vn.motsach.query.holds.HoldView;
import vn.motsach.query.loans.LoanView;

/**
 * A patron with their class today, whether they are active (not left, or rejoined), the day they
 * left or, for a departure still ahead (a rollover's graduation), the day they leave, their open
 * loans and their holds still waiting or ready.
 */
record PatronView(String patronId, String fullName, @Schema(implementation = PatronCategory.class) String category,
        @Nullable String classId, boolean active, LocalDate registeredOn, @Nullable LocalDate leftOn,
        @Schema(description = "Ngày bạn đọc sẽ rời trường, khi đã ghi nhận trước") @Nullable LocalDate leavesOn,
        List<LoanView> openLoans, List<HoldView> holds) {
}
