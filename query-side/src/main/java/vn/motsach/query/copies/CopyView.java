package vn.motsach.query.copies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A copy: {@code status} is AVAILABLE, ON_LOAN, ON_HOLD_SHELF or WITHDRAWN; {@code loan} while on
 * loan, {@code hold} while on the hold shelf.
 */
record CopyView(String barcode, UUID titleId, String title, String docType, String status, boolean loanable,
        LocalDate acquiredOn, String source, CopyLoanView loan, CopyHoldView hold, LocalDate withdrawnOn,
        String withdrawalReason) {

    record CopyLoanView(UUID loanId, String patronId, Instant borrowedAt, LocalDate dueOn, boolean overdue) {
    }

    record CopyHoldView(UUID holdId, String patronId, LocalDate pickupBy) {
    }
}
