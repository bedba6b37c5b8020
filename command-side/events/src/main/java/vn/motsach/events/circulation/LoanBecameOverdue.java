package vn.motsach.events.circulation;

import java.time.LocalDate;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** A loan passed its due date without being returned; the patron cannot borrow until it is back. */
@Revision("1")
public record LoanBecameOverdue(
        SchoolId schoolId,
        LoanId loanId,
        Barcode barcode,
        TitleId titleId,
        PatronId patronId,
        PatronCategory patronCategory,
        ClassId classId,
        LocalDate dueOn,
        LocalDate overdueSince)
        implements CirculationEvent {
}
