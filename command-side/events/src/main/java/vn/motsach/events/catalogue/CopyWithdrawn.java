package vn.motsach.events.catalogue;

import java.time.LocalDate;
import vn.motsach.events.Barcode;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** A copy was withdrawn (thanh lý, lost, worn out); it stays in the registers, it can no longer circulate. */
@Revision("1")
public record CopyWithdrawn(
        SchoolId schoolId,
        Barcode barcode,
        TitleId titleId,
        String reason,
        LocalDate withdrawnOn)
        implements CatalogueEvent {
}
