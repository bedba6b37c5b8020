package vn.motsach.events.interop;

import java.time.Instant;
import vn.motsach.events.Barcode;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** The owner sent the copy to a partner library: in transit, off its shelf. */
@Revision("1")
public record CopySentAway(SchoolId schoolId, Barcode barcode, TitleId titleId, SchoolId partnerSchoolId,
        InterlibraryLoanId requestId, Instant sentAt) implements CopyLocationEvent {
}
