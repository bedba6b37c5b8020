package vn.motsach.events.interop;

import java.time.Instant;
import java.util.List;
import vn.motsach.events.Barcode;
import vn.motsach.events.Revision;
import vn.motsach.events.RotationId;
import vn.motsach.events.SchoolId;

/** The owner received these copies of a rotation back on its shelf; the rest, if any, are still away. */
@Revision("1")
public record RotationReturned(SchoolId schoolId, RotationId rotationId, SchoolId partnerSchoolId, List<Barcode> barcodes,
        Instant returnedAt) implements RotationEvent {

    public RotationReturned {
        barcodes = List.copyOf(barcodes);
    }
}
