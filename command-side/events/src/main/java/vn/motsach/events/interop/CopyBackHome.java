package vn.motsach.events.interop;

import java.time.Instant;
import vn.motsach.events.Barcode;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** The owner received its copy back: on its own shelf again. */
@Revision("1")
public record CopyBackHome(SchoolId schoolId, Barcode barcode, TitleId titleId, SchoolId partnerSchoolId,
        InterlibraryLoanId requestId, Instant receivedAt) implements CopyLocationEvent {
}
