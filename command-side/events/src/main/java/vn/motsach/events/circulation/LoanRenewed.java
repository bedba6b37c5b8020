package vn.motsach.events.circulation;

import java.time.Instant;
import java.time.LocalDate;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** A loan was renewed to a new due date; {@code renewals} counts renewals so far. */
@Revision("1")
public record LoanRenewed(
        SchoolId schoolId,
        LoanId loanId,
        Barcode barcode,
        TitleId titleId,
        PatronId patronId,
        ClassId classId,
        Instant renewedAt,
        LocalDate previousDueOn,
        LocalDate dueOn,
        int renewals)
        implements CirculationEvent {
}
