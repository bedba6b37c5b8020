package vn.motsach.query.interop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rotation as one of its two schools sees it. {@code direction}: {@code OUT} for copies the
 * school lent, {@code IN} for copies it received. {@code status}: {@code OPEN} while a copy is
 * away, {@code RETURNED} once all are home; {@code overdue}: open after {@code returnBy}.
 */
record RotationView(String rotationId, String direction, String ownerSchoolId, String partnerSchoolId, LocalDate returnBy,
        Instant sentAt, String status, boolean overdue, int copiesAway, List<RotatedCopy> copies) {

    /** A copy of the rotation, with its owner's title; {@code returnedAt} once home. */
    record RotatedCopy(String barcode, String titleId, @Nullable String title, @Nullable Instant returnedAt) {
    }
}
