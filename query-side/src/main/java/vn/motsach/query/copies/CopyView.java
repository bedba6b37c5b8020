package vn.motsach.query.copies;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.DocType;

/**
 * A copy: {@code status} is AVAILABLE, ON_LOAN, ON_HOLD_SHELF, WITHDRAWN or LOST; {@code loan} while on
 * loan, {@code hold} while on the hold shelf; {@code intakeId} the delivery it came in, when named;
 * {@code away} while it is away at (or travelling to or from) a partner library (liên thông);
 * {@code price} and {@code callNumber} as accessioned or last corrected ({@code PUT copies/{barcode}}).
 */
record CopyView(String barcode, UUID titleId, String title, @Schema(implementation = DocType.class) String docType,
        @Schema(allowableValues = {"AVAILABLE", "ON_LOAN", "ON_HOLD_SHELF", "IN_TRANSIT", "AT_PARTNER", "WITHDRAWN", "LOST"}) String status, boolean loanable,
        @Nullable LocalDate acquiredOn, @Nullable String source, @Nullable CopyLoanView loan, @Nullable CopyHoldView hold,
        @Nullable LocalDate withdrawnOn, @Nullable String withdrawalReason, @Nullable UUID intakeId,
        @Nullable LocalDate lostOn, @Nullable String lossNote, @Nullable CopyAwayView away, @Nullable BigDecimal price,
        @Nullable String callNumber) {

    record CopyLoanView(UUID loanId, @Nullable String patronId, Instant borrowedAt, LocalDate dueOn, boolean overdue) {
    }

    /** The partner library the copy is with; {@code rotationId} and {@code returnBy} when it went on a rotation. */
    record CopyAwayView(String partnerSchoolId, @Nullable UUID rotationId, @Nullable LocalDate returnBy) {
    }

    record CopyHoldView(UUID holdId, @Nullable String patronId, LocalDate pickupBy) {
    }
}
