package vn.motsach.command.circulation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.events.Barcode;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.SchoolId;
import vn.motsach.events.desk.DeskExceptionId;
import vn.motsach.events.desk.DeskRecordKind;

/** The commands of the offline desk: one record it made without the server, and settling an exception. */
final class OfflineCommands {

    private OfflineCommands() {
    }

    /**
     * A lend, return or renewal desk {@code deskId} recorded under {@code key} at {@code recordedAt}
     * without the server; {@code patronId} names the borrower of a lend (null otherwise).
     */
    record RecordFromDesk(SchoolId schoolId, String deskId, String key, DeskRecordKind kind, Barcode barcode,
            PatronId patronId, Instant recordedAt) implements SchoolCommand<DeskOutcome> {
    }

    /**
     * What a record became: the loan it opened, closed or renewed ({@code loanId}, {@code dueOn}
     * when it opened or renewed one; both null when it changed no loan), and the exception it made
     * with the rules it broke when it broke any.
     */
    record DeskOutcome(LoanId loanId, LocalDate dueOn, DeskExceptionId exceptionId, List<RefusalCode> broken) {

        boolean exception() {
            return exceptionId != null;
        }
    }

    /** The librarian settled an exception at {@code settledAt}: {@code action} says what was done, {@code note} why. */
    record SettleDeskException(SchoolId schoolId, DeskExceptionId exceptionId, String action, String note, Instant settledAt)
            implements SchoolCommand<Void> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return DeskException.aggregateId(schoolId, exceptionId);
        }
    }
}
