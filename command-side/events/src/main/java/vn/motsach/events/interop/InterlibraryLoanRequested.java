package vn.motsach.events.interop;

import java.time.Instant;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** A reader asked their own library for a title of another library of a lending group; {@code titleId} is the lender's. */
@Revision("1")
public record InterlibraryLoanRequested(SchoolId schoolId, InterlibraryLoanId requestId, SchoolId lendingSchoolId,
        TitleId titleId, PatronId patronId, Instant requestedAt) implements InterlibraryLoanEvent {
}
