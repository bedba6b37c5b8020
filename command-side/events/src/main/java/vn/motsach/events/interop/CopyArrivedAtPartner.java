package vn.motsach.events.interop;

import java.time.Instant;
import vn.motsach.events.Barcode;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** The partner library received the copy: it is there, at its borrowing desk, not on the owner's shelf. */
@Revision("1")
public record CopyArrivedAtPartner(SchoolId schoolId, Barcode barcode, TitleId titleId, SchoolId partnerSchoolId,
        InterlibraryLoanId requestId, Instant receivedAt) implements CopyLocationEvent {
}
