package vn.motsach.events.interop;

import java.time.Instant;
import vn.motsach.events.Barcode;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.Revision;
import vn.motsach.events.RotationId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * The partner library received the copy: it is there, at its borrowing desk, not on the owner's shelf.
 * For a rotation the copy goes straight there ({@code requestId} null, {@code rotationId} set);
 * events stored before rotations have no {@code rotationId}.
 */
@Revision("1")
public record CopyArrivedAtPartner(SchoolId schoolId, Barcode barcode, TitleId titleId, SchoolId partnerSchoolId,
        InterlibraryLoanId requestId, Instant receivedAt,
        RotationId rotationId) implements CopyLocationEvent {
}
