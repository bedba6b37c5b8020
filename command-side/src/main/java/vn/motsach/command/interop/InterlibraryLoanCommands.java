package vn.motsach.command.interop;

import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.events.Barcode;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.interop.InterlibraryLoanRequested;

/** The commands of inter-library loans; {@code schoolId} is the school whose desk acts. The desk finds the request. */
final class InterlibraryLoanCommands {

    private InterlibraryLoanCommands() {
    }

    /** A reader asks their own library for a title of another library; {@code titleId} is the lender's. */
    record RequestInterlibraryLoan(SchoolId schoolId, SchoolId lendingSchoolId, TitleId titleId, PatronId patronId)
            implements SchoolCommand<InterlibraryLoanRequested> {
    }

    /** The lending library answers with a copy ({@code barcode}) or, without one, with a {@code refusal}. */
    record AnswerInterlibraryLoan(SchoolId schoolId, InterlibraryLoanId requestId, Barcode barcode, String refusal)
            implements SchoolCommand<Step> {
    }

    /** A library receives the copy: the borrowing one from the owner, or the owner back from the borrower. */
    record ReceiveInterlibraryLoan(SchoolId schoolId, InterlibraryLoanId requestId) implements SchoolCommand<Step> {
    }

    /** The borrowing library sends the copy back to its owner. */
    record ShipInterlibraryLoanBack(SchoolId schoolId, InterlibraryLoanId requestId) implements SchoolCommand<Step> {
    }

    /** Where a request stands after a step, as the answer names it. */
    enum Step {
        SHIPPED,
        REFUSED,
        RECEIVED,
        RETURN_SHIPPED,
        RETURNED
    }
}
