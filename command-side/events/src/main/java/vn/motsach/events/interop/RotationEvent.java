package vn.motsach.events.interop;

import java.util.List;
import vn.motsach.events.Barcode;
import vn.motsach.events.RotationId;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;

/**
 * The steps of a rotation (luân chuyển) that are the rotation's own: sent, returned in part or in
 * full. {@code schoolId} is the owner, whose registers keep the copies throughout; {@code
 * partnerSchoolId} the library they went to. Each copy's move is its own stream's event
 * ({@link CopyArrivedAtPartner}, {@link CopyBackHome} naming the rotation).
 */
public sealed interface RotationEvent extends SchoolEvent permits RotationSent, RotationReturned {

    RotationId rotationId();

    SchoolId partnerSchoolId();

    List<Barcode> barcodes();
}
