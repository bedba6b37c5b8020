package vn.motsach.events.interop;

import java.time.Instant;
import vn.motsach.events.Barcode;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.Revision;
import vn.motsach.events.RotationId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * The owner received its copy back: on its own shelf again. From a rotation the copy comes straight
 * home ({@code requestId} null, {@code rotationId} set); events stored before rotations have no {@code rotationId}.
 */
@Revision("1")
public record CopyBackHome(SchoolId schoolId, Barcode barcode, TitleId titleId, SchoolId partnerSchoolId,
        InterlibraryLoanId requestId, Instant receivedAt,
        RotationId rotationId) implements CopyLocationEvent {
}
