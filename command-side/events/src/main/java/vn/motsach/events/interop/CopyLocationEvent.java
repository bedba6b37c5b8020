package vn.motsach.events.interop;

import vn.motsach.events.Barcode;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.RotationId;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * Where a copy is when it leaves its own library: on its way to a partner, at the partner, on its
 * way back, home again. Events of the copy's own stream, so a copy's location and its loans are
 * decided one after the other: it is never on two shelves, nor lent at home while away. {@code
 * schoolId} is the owner, whose registers keep the copy throughout; {@code partnerSchoolId} the
 * library it went to; {@code requestId} the inter-library loan it travels for, or {@code
 * rotationId} the rotation (a rotated copy arrives and comes home without transit steps).
 */
public sealed interface CopyLocationEvent extends SchoolEvent permits CopySentAway, CopyArrivedAtPartner, CopySentHome, CopyBackHome {

    Barcode barcode();

    TitleId titleId();

    SchoolId partnerSchoolId();

    /** Null for a rotation. */
    InterlibraryLoanId requestId();

    /** The rotation the copy moves for; null for an inter-library loan. */
    default RotationId rotationId() {
        return null;
    }
}
