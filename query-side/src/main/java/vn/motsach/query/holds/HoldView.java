package vn.motsach.query.holds;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A hold: {@code position} (1 = next) while WAITING, {@code barcode} and {@code pickupBy} when
 * READY, {@code closedAt} once FULFILLED, CANCELLED or EXPIRED.
 */
public record HoldView(UUID holdId, UUID titleId, String patronId, @Nullable Integer position,
        @Schema(allowableValues = {"WAITING", "READY", "FULFILLED", "CANCELLED", "EXPIRED"}) String status, Instant placedAt,
        @Nullable String barcode, @Nullable LocalDate pickupBy, @Nullable Instant closedAt) {
}
