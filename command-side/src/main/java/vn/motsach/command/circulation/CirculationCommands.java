package vn.motsach.command.circulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;
import vn.motsach.command.circulation.CatalogueCommandsForImports.ImportedRecord;
import vn.motsach.command.circulation.CatalogueCommandsForImports.NewCopy;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.events.AcquisitionSource;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.HoldId;
import vn.motsach.events.IntakeId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.circulation.LoanRenewed;
import vn.motsach.events.holds.HoldPlaced;

/** The commands of the catalogue and the circulation desk. */
final class CirculationCommands {

    private CirculationCommands() {
    }

    record CatalogueTitle(SchoolId schoolId, TitleId titleId, String title, List<String> authors, String isbn,
            String publisher, Integer publishedYear, String classification, List<String> subjects, DocType docType,
            String language, String edition, String controlNumber) implements SchoolCommand<String> {

        CatalogueTitle(SchoolId schoolId, TitleId titleId, String title, List<String> authors, String isbn,
                String publisher, Integer publishedYear, String classification, List<String> subjects, DocType docType,
                String language) {
            this(schoolId, titleId, title, authors, isbn, publisher, publishedYear, classification, subjects, docType,
                    language, null, null);
        }

        @TargetAggregateIdentifier
        String aggregateId() {
            return Title.aggregateId(schoolId, titleId);
        }
    }

    /** The whole new description of a title, as {@link CatalogueTitle} gives the first one. */
    record ReviseTitle(SchoolId schoolId, TitleId titleId, String title, List<String> authors, String isbn,
            String publisher, Integer publishedYear, String classification, List<String> subjects, DocType docType,
            String language, String edition) implements SchoolCommand<Boolean> {

        /** A revision without edition. */
        ReviseTitle(SchoolId schoolId, TitleId titleId, String title, List<String> authors, String isbn, String publisher,
                Integer publishedYear, String classification, List<String> subjects, DocType docType, String language) {
            this(schoolId, titleId, title, authors, isbn, publisher, publishedYear, classification, subjects, docType, language,
                    null);
        }

        @TargetAggregateIdentifier
        String aggregateId() {
            return Title.aggregateId(schoolId, titleId);
        }
    }

    record ReceiveIntake(SchoolId schoolId, IntakeId intakeId, LocalDate receivedOn, AcquisitionSource source,
            String documentNo, String note) implements SchoolCommand<String> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return Intake.aggregateId(schoolId, intakeId);
        }
    }

    /** {@code intakeId}: the delivery the copy came in, or null. */
    record AccessionCopy(SchoolId schoolId, Barcode barcode, TitleId titleId, LocalDate acquiredOn, String source,
            BigDecimal price, boolean loanable, IntakeId intakeId, String callNumber) implements SchoolCommand<Barcode> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return Copy.aggregateId(schoolId, barcode);
        }

        NewCopy copy() {
            return new NewCopy(barcode, acquiredOn, source, price, loanable, callNumber);
        }
    }

    /**
     * An import's batch of records in one unit of work, each record stored as {@code POST titles}
     * and a {@code POST copies} for each of its copies would store it.
     */
    record CatalogueRecords(SchoolId schoolId, List<ImportedRecord> records) implements SchoolCommand<Void> {
    }

    /** A record's new title with its first copies. */
    record CatalogueTitleWithCopies(CatalogueTitle title, List<NewCopy> copies) implements ImportedRecord {

        @Override
        public TitleId titleId() {
            return title.titleId();
        }
    }

    /** A record's new copies of a title catalogued before. */
    record AccessionCopies(TitleId titleId, List<NewCopy> copies) implements ImportedRecord {
    }

    /**
     * The copy's details corrected, replacing all of them as {@code POST copies} gave them; answers
     * whether anything changed.
     */
    record ReviseCopyDetails(SchoolId schoolId, Barcode barcode, LocalDate acquiredOn, String source, BigDecimal price,
            boolean loanable, String callNumber) implements SchoolCommand<Boolean> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return Copy.aggregateId(schoolId, barcode);
        }
    }

    record WithdrawCopy(SchoolId schoolId, Barcode barcode, String reason, String decisionNo) implements SchoolCommand<Void> {

        WithdrawCopy(SchoolId schoolId, Barcode barcode, String reason) {
            this(schoolId, barcode, reason, null);
        }

        @TargetAggregateIdentifier
        String aggregateId() {
            return Copy.aggregateId(schoolId, barcode);
        }
    }

    /** {@code patronId}: the patron the report holds to account, or null (then the borrower, if the copy is lent). */
    record ReportCopyLost(SchoolId schoolId, Barcode barcode, PatronId patronId, String note) implements SchoolCommand<CopyReportedLost> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return Copy.aggregateId(schoolId, barcode);
        }
    }

    /**
     * {@code ownerSchoolId}: the library whose copy it is, the school's own or a partner's whose copy
     * is at this desk; needed only when the barcode is both (a partner may number its copies as this
     * school does), null otherwise.
     */
    record CheckOutCopy(SchoolId schoolId, Barcode barcode, PatronId patronId, @Nullable SchoolId ownerSchoolId)
            implements SchoolCommand<Lent> {

        CheckOutCopy(SchoolId schoolId, Barcode barcode, PatronId patronId) {
            this(schoolId, barcode, patronId, null);
        }

        @TargetAggregateIdentifier
        String aggregateId() {
            return Copy.aggregateId(ownerSchoolId == null ? schoolId : ownerSchoolId, barcode);
        }
    }

    /** {@code ownerSchoolId}: as for {@link CheckOutCopy}. */
    record ReturnCopy(SchoolId schoolId, Barcode barcode, @Nullable SchoolId ownerSchoolId) implements SchoolCommand<CopyReturned> {

        ReturnCopy(SchoolId schoolId, Barcode barcode) {
            this(schoolId, barcode, null);
        }

        @TargetAggregateIdentifier
        String aggregateId() {
            return Copy.aggregateId(ownerSchoolId == null ? schoolId : ownerSchoolId, barcode);
        }
    }

    /**
     * Sent by the sweep once a departure recorded ahead has taken effect: the holds the patron
     * placed while it was ahead are cancelled, as the departure itself cancelled those before it.
     */
    record CancelHoldsOfLeaver(SchoolId schoolId, PatronId patronId, LocalDate today) implements SchoolCommand<Void> {
    }

    /** What a checkout answers: the loan, and the day the borrower leaves when that held its due date back. */
    record Lent(CopyCheckedOut loan, @Nullable LocalDate leavesOn) {
    }

    /** Renewal is asked for by loan; the desk finds the copy. */
    record RenewLoan(SchoolId schoolId, LoanId loanId) implements SchoolCommand<Renewed> {
    }

    /** What a renewal answers: the renewal, and the day the borrower leaves when that held its due date back. */
    record Renewed(LoanRenewed renewal, @Nullable LocalDate leavesOn) {
    }

    record PlaceHold(SchoolId schoolId, TitleId titleId, PatronId patronId) implements SchoolCommand<HoldPlaced> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return Title.aggregateId(schoolId, titleId);
        }
    }

    /** Cancellation is asked for by hold; the desk finds the title. */
    record CancelHold(SchoolId schoolId, HoldId holdId) implements SchoolCommand<HoldId> {
    }

    /** Time-driven: a copy waited on the hold shelf past its pickup day; {@code now} is when it goes to the next patron. */
    record ExpireHold(SchoolId schoolId, TitleId titleId, HoldId holdId, LocalDate today, Instant now) implements SchoolCommand<Void> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return Title.aggregateId(schoolId, titleId);
        }
    }

    /** Time-driven: a loan passed its due date by {@code today}; {@code owner}: the library whose copy it is. */
    record MarkLoanOverdue(SchoolId schoolId, Barcode barcode, LoanId loanId, LocalDate today, SchoolId owner)
            implements SchoolCommand<Void> {

        MarkLoanOverdue(SchoolId schoolId, Barcode barcode, LoanId loanId, LocalDate today) {
            this(schoolId, barcode, loanId, today, schoolId);
        }

        @TargetAggregateIdentifier
        String aggregateId() {
            return Copy.aggregateId(owner, barcode);
        }
    }
}
