package vn.motsach.events.interop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.motsach.events.Barcode;
import vn.motsach.events.Revision;
import vn.motsach.events.RotationId;
import vn.motsach.events.SchoolId;

/** The owner lent these copies to a partner library, to circulate there until {@code returnBy}. */
@Revision("1")
public record RotationSent(SchoolId schoolId, RotationId rotationId, SchoolId partnerSchoolId, List<Barcode> barcodes,
        LocalDate returnBy, Instant sentAt) implements RotationEvent {

    public RotationSent {
        barcodes = List.copyOf(barcodes);
    }
}
