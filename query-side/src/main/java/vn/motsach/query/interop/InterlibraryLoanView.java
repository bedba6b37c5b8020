package vn.motsach.query.interop;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An inter-library loan request as one of its two schools sees it. {@code direction}: {@code OUT}
 * for a request the school sent (its reader borrows), {@code IN} for one it received (it lends).
 * {@code patronId} is shown to the reader's own school only: nothing about readers crosses schools.
 */
record InterlibraryLoanView(String requestId, String direction, String borrowingSchoolId, String lendingSchoolId,
        String titleId, @Nullable String title, @Nullable String patronId, @Nullable String barcode, String status,
        @Nullable String refusal, Instant requestedAt, Instant updatedAt) {
}
