package vn.motsach.events.circulation;

import java.time.Instant;
import java.time.LocalDate;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.Routing;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** A lent copy came back, {@code overdueDays} late (0 when on time), and went to the shelf or to the hold shelf for {@code holdId}. */
@Revision("1")
public record CopyReturned(
        SchoolId schoolId,
        LoanId loanId,
        Barcode barcode,
        TitleId titleId,
        PatronId patronId,
        PatronCategory patronCategory,
        ClassId classId,
        Instant returnedAt,
        LocalDate dueOn,
        int overdueDays,
        Routing routedTo,
        HoldId holdId)
        implements CirculationEvent {
}
