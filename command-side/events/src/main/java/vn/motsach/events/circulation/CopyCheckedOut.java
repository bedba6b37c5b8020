package vn.motsach.events.circulation;

import java.time.Instant;
import java.time.LocalDate;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** A copy was lent to a patron until {@code dueOn}; {@code holdId} when it fulfilled the patron's hold. */
@Revision("1")
public record CopyCheckedOut(
        SchoolId schoolId,
        LoanId loanId,
        Barcode barcode,
        TitleId titleId,
        String title,
        DocType docType,
        PatronId patronId,
        PatronCategory patronCategory,
        ClassId classId,
        Instant borrowedAt,
        LocalDate dueOn,
        HoldId holdId)
        implements CirculationEvent {
}
