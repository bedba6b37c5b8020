package vn.motsach.query.loans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A loan; {@code overdue} while open past its due date (in the school's time zone) or marked so.
 * A loan whose copy was lost is closed as {@code lost}, {@code returnedAt} being when the loss was
 * reported. {@code title} is the title's name as the catalogue has it now, {@code fullName} the
 * patron's as the roster has it (an overdue list is read by name; null while the roster lags).
 * {@code ownerSchoolId}: the partner library that owns the copy lent (liên thông), null for the
 * school's own copy.
 */
public record LoanView(UUID loanId, String barcode, UUID titleId, String title, String patronId, @Nullable String fullName,
        @Nullable String classId,
        Instant borrowedAt, LocalDate dueOn, @Nullable Instant returnedAt, boolean overdue, int renewals,
        @Nullable Integer overdueDays, boolean lost, @Nullable String ownerSchoolId) {
}
