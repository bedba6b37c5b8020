package vn.motsach.events.interop;

import java.time.Instant;
import vn.motsach.events.Barcode;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** The partner library sent the copy back to its owner: in transit again. */
@Revision("1")
public record CopySentHome(SchoolId schoolId, Barcode barcode, TitleId titleId, SchoolId partnerSchoolId,
        InterlibraryLoanId requestId, Instant sentAt) implements CopyLocationEvent {
}
