package vn.motsach.query.holds;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A hold: {@code position} (1 = next) while WAITING, {@code barcode} and {@code pickupBy} when
 * READY, {@code closedAt} once FULFILLED, CANCELLED or EXPIRED. {@code title} and
 * {@code fullName} name the title and the patron as the catalogue and the roster have them now,
 * for a hold shelf that says whose book it keeps (null while those projections lag behind).
 */
public record HoldView(UUID holdId, UUID titleId, @Nullable String title, String patronId, @Nullable String fullName,
        @Nullable Integer position,
        @Schema(allowableValues = {"WAITING", "READY", "FULFILLED", "CANCELLED", "EXPIRED"}) String status, Instant placedAt,
        @Nullable String barcode, @Nullable LocalDate pickupBy, @Nullable Instant closedAt) {
}
