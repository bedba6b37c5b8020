package vn.motsach.events.desk;

import java.time.Instant;
import java.util.List;
import vn.motsach.events.Barcode;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/**
 * A record of desk {@code deskId} under {@code recordKey}, made at {@code recordedAt} without the
 * server, broke the rules {@code broken} (the codes they refuse with online): what it recorded
 * stands, as loan {@code loanId} when it opened or renewed one, and {@code closedLoanId} is the
 * loan it closed as returned unseen (the copy was on loan to someone else). {@code uploadedAt}
 * is when the server heard of it.
 */
@Revision("1")
public record DeskExceptionRecorded(
        SchoolId schoolId,
        DeskExceptionId exceptionId,
        String deskId,
        String recordKey,
        DeskRecordKind kind,
        Barcode barcode,
        PatronId patronId,
        Instant recordedAt,
        List<RefusalCode> broken,
        LoanId loanId,
        LoanId closedLoanId,
        Instant uploadedAt)
        implements DeskEvent {
}
