package vn.motsach.query.patrons;

import java.time.LocalDate;
import java.util.List;
import vn.motsach.query.holds.HoldView;
import vn.motsach.query.loans.LoanView;

/**
 * A patron with their class today, whether they are active (not left, or rejoined), their open
 * loans and their holds still waiting or ready.
 */
record PatronView(String patronId, String fullName, String category, String classId, boolean active,
        LocalDate registeredOn, LocalDate leftOn, List<LoanView> openLoans, List<HoldView> holds) {
}
