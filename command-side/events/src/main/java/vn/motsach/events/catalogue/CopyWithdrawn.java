package vn.motsach.events.catalogue;

import java.time.LocalDate;
import vn.motsach.events.Barcode;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * A copy was withdrawn (thanh lý, lost, worn out); it stays in the registers, it can no longer
 * circulate. {@code decisionNo} is the number of the principal's decision (quyết định thanh lý)
 * the registers write on the copy's line; it came later, nullable, without a new revision:
 * events stored before read it as {@code null}.
 */
@Revision("1")
public record CopyWithdrawn(
        SchoolId schoolId,
        Barcode barcode,
        TitleId titleId,
        String reason,
        LocalDate withdrawnOn,
        String decisionNo)
        implements CatalogueEvent {

    /** A withdrawal without a decision number. */
    public CopyWithdrawn(SchoolId schoolId, Barcode barcode, TitleId titleId, String reason, LocalDate withdrawnOn) {
        this(schoolId, barcode, titleId, reason, withdrawnOn, null);
    }
}
