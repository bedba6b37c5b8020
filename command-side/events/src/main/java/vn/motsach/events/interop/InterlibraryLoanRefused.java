package vn.motsach.events.interop;

import java.time.Instant;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** The lending library answered a request with no copy, for the reason it gave. */
@Revision("1")
public record InterlibraryLoanRefused(SchoolId schoolId, InterlibraryLoanId requestId, SchoolId lendingSchoolId,
        String reason, Instant refusedAt) implements InterlibraryLoanEvent {
}
