package vn.motsach.events.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * A copy was reported lost: it leaves circulation for good (it stays in the registers), and the
 * loan it was out on, if any, closes as lost rather than returned. {@code loanId}, the
 * borrower's category and class are those of that loan, null when the copy was not lent;
 * {@code patronId} is the patron held to account: the one the report names, else the borrower.
 */
@Revision("1")
public record CopyReportedLost(
        SchoolId schoolId,
        Barcode barcode,
        TitleId titleId,
        LocalDate lostOn,
        Instant reportedAt,
        String note,
        PatronId patronId,
        LoanId loanId,
        PatronCategory patronCategory,
        ClassId classId)
        implements CatalogueEvent {
}
