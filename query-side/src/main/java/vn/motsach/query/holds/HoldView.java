package vn.motsach.query.holds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A hold: {@code position} (1 = next) while WAITING, {@code barcode} and {@code pickupBy} when
 * READY, {@code closedAt} once FULFILLED, CANCELLED or EXPIRED.
 */
public record HoldView(UUID holdId, UUID titleId, String patronId, Integer position, String status, Instant placedAt,
        String barcode, LocalDate pickupBy, Instant closedAt) {
}
