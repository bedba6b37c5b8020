package vn.motsach.events.interop;

import java.time.Instant;
import vn.motsach.events.Barcode;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** The lending library answered a request with this copy, now on its way ({@link CopySentAway} in the copy's own stream). */
@Revision("1")
public record InterlibraryLoanShipped(SchoolId schoolId, InterlibraryLoanId requestId, SchoolId lendingSchoolId,
        Barcode barcode, Instant shippedAt) implements InterlibraryLoanEvent {
}
