package vn.motsach.events.holds;

import vn.motsach.events.Barcode;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** The patron borrowed the copy kept for them. */
@Revision("1")
public record HoldFulfilled(
        SchoolId schoolId,
        HoldId holdId,
        TitleId titleId,
        PatronId patronId,
        Barcode barcode,
        LoanId loanId)
        implements HoldEvent {
}
