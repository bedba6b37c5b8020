package vn.motsach.command.circulation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.command.circulation.CirculationCommands.MarkLoanOverdue;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.HoldId;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.RotationId;
import vn.motsach.events.Routing;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyDetailsRevised;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.catalogue.CopyWithdrawn;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.circulation.CopyStream;
import vn.motsach.events.circulation.LoanBecameOverdue;
import vn.motsach.events.circulation.LoanRenewed;
import vn.motsach.events.interop.CopyArrivedAtPartner;
import vn.motsach.events.interop.CopyBackHome;
import vn.motsach.events.interop.CopySentAway;
import vn.motsach.events.interop.CopySentHome;

/**
 * A copy (bản sách) under its số đăng ký cá biệt, and its current loan: a copy is lent to at
 * most one patron at a time because every loan is an event of this one stream. A copy lives for
 * years and gathers two events a loan, so it is snapshotted (its fields, as JSON) every so often.
 *
 * <p>Lending, returning, renewing, withdrawing and reporting a loss are decided by the desk, which needs the title
 * and the patron as well: it judges this copy's state with {@link CirculationRules} in the same
 * unit of work, with the copy locked, then records the decision here. What needs only the copy
 * (an overdue loan) is this aggregate's own command handler.
 */
@Aggregate(repository = CirculationConfiguration.COPY_REPOSITORY)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
class Copy {

    @AggregateIdentifier
    private String id;
    private SchoolId schoolId;
    private Barcode barcode;
    private TitleId titleId;
    private String title;
    private DocType docType;
    private boolean loanable;
    /** What was said of the copy itself when accessioned or last corrected; absent from snapshots taken before copies kept it. */
    private Details details;
    private boolean withdrawn;
    private boolean lost;
    private Loan loan;
    /** Where the copy is while it is away from its own library (liên thông); null at home. */
    private Away away;

    Copy() {
        // for Axon
    }

    Copy(CopyAccessioned accessioned) {
        apply(accessioned);
    }

    static String aggregateId(SchoolId school, Barcode barcode) {
        return CopyStream.id(school, barcode);
    }

    /** The library that owns the copy of this stream. */
    static SchoolId ownerOf(String aggregateId) {
        return CopyStream.ownerOf(aggregateId).orElseThrow(() -> new IllegalArgumentException("not a copy's stream: " + aggregateId));
    }

    TitleId titleId() {
        return titleId;
    }

    Barcode barcode() {
        return barcode;
    }

    boolean loanable() {
        return loanable;
    }

    boolean withdrawn() {
        return withdrawn;
    }

    boolean lost() {
        return lost;
    }

    /** How often the current loan was renewed. */
    int renewals() {
        return loan == null ? 0 : loan.renewals();
    }

    boolean onLoan() {
        return loan != null;
    }

    /** The patron who has the copy now and their category then, for the renewal policy. */
    PatronCategory borrowerCategory() {
        return loan == null ? null : loan.category();
    }

    /** The patron who has the copy now; null when it is not on loan. */
    PatronId borrower() {
        return loan == null ? null : loan.patronId();
    }

    /** The day the current loan is due back; null when the copy is not on loan. */
    LocalDate currentDueOn() {
        return loan == null ? null : loan.dueOn();
    }

    LoanId currentLoan() {
        return loan == null ? null : loan.loanId();
    }

    SchoolId owner() {
        return schoolId;
    }

    /** Whether the copy is away from its own library: on its way to a partner, there, or on its way back. */
    boolean away() {
        return away != null;
    }

    /** Whether the copy is at {@code school}'s desk, sent there for {@code request}. */
    boolean atPartner(SchoolId school, InterlibraryLoanId request) {
        return away != null && away.stage() == Stage.AT_PARTNER && away.partner().equals(school)
                && (request == null || away.requestId().equals(request));
    }

    /** Whether the copy is on its way in {@code stage} of the journey {@code request} made it take. */
    boolean travelling(Stage stage, InterlibraryLoanId request) {
        return away != null && away.stage() == stage && Objects.equals(away.requestId(), request);
    }

    /** Whether the copy is at the partner's on {@code rotation}. */
    boolean onRotation(RotationId rotation) {
        return away != null && away.stage() == Stage.AT_PARTNER && rotation.equals(away.rotationId());
    }

    /**
     * The library whose loan policy lends the copy: its owner's, also at a partner's desk for an
     * inter-library loan (Decree 93/2020 Art 27); the receiving library's for a rotation, which
     * lends the copies as its own for the semester.
     */
    SchoolId policySchool() {
        return away != null && away.rotationId() != null ? away.partner() : schoolId;
    }

    /** Where the copy is away, for a refusal's message: the partner library, or nothing at home. */
    String whereAway() {
        return away == null ? "" : away.stage() + " " + away.partner().value();
    }

    /** When the current loan began; null for a loan recorded before copies kept it (then it began long ago). */
    Instant currentLoanSince() {
        return loan == null ? null : loan.since();
    }

    /** Records a loan the desk decided on, at the owner's desk or, for a copy at a partner, at the partner's. */
    CopyCheckedOut checkOut(LoanId loanId, PatronStanding patron, LocalDate dueOn, Instant now, HoldId fulfilledHold) {
        SchoolId desk = away == null ? schoolId : away.partner();
        CopyCheckedOut event = new CopyCheckedOut(desk, loanId, barcode, titleId, title, docType, patron.patronId(),
                patron.category(), patron.classId(), now, dueOn, fulfilledHold);
        apply(event);
        return event;
    }

    /** Records a journey to a partner the owner decided on. */
    void sendAway(SchoolId partner, InterlibraryLoanId request, Instant now) {
        apply(new CopySentAway(schoolId, barcode, titleId, partner, request, now));
    }

    void arriveAtPartner(Instant now) {
        apply(new CopyArrivedAtPartner(schoolId, barcode, titleId, away.partner(), away.requestId(), now, null));
    }

    /** Records a rotation the owner decided on: the copy is at the partner's desk at once, for it to lend. */
    void rotateTo(SchoolId partner, RotationId rotation, Instant now) {
        apply(new CopyArrivedAtPartner(schoolId, barcode, titleId, partner, null, now, rotation));
    }

    /** Records the copy of a rotation back on its owner's shelf. */
    void rotateHome(Instant now) {
        apply(new CopyBackHome(schoolId, barcode, titleId, away.partner(), null, now, away.rotationId()));
    }

    void sendHome(Instant now) {
        apply(new CopySentHome(schoolId, barcode, titleId, away.partner(), away.requestId(), now));
    }

    void backHome(Instant now) {
        apply(new CopyBackHome(schoolId, barcode, titleId, away.partner(), away.requestId(), now, null));
    }

    /** Records the return of the current loan, which the desk found open. */
    CopyReturned checkIn(Instant now, LocalDate today, HoldId nextHold) {
        int overdueDays = (int) Math.max(0, ChronoUnit.DAYS.between(loan.dueOn(), today));
        CopyReturned event = new CopyReturned(loan.school(schoolId), loan.loanId(), barcode, titleId, loan.patronId(), loan.category(),
                loan.classId(), now, loan.dueOn(), overdueDays, nextHold == null ? Routing.SHELF : Routing.HOLD_SHELF, nextHold);
        apply(event);
        return event;
    }

    /**
     * Closes the current loan because the copy was seen lent to someone else at {@code at} (a desk
     * that worked offline recorded it): it came back unseen, to go straight to its next borrower.
     */
    CopyReturned returnUnseen(Instant at, LocalDate day) {
        return checkIn(at, day, null);
    }

    /** Records a renewal of the current loan the desk decided on, due on {@code dueOn} (a fresh loan period from the day of it). */
    LoanRenewed renew(LocalDate dueOn, Instant now) {
        LoanRenewed event = new LoanRenewed(loan.school(schoolId), loan.loanId(), barcode, titleId, loan.patronId(), loan.classId(), now,
                loan.dueOn(), dueOn, loan.renewals() + 1);
        apply(event);
        return event;
    }

    /** Sent by the overdue sweep; saying it twice, or too early, changes nothing. */
    @CommandHandler
    void handle(MarkLoanOverdue command) {
        if (loan == null || !loan.loanId().equals(command.loanId()) || loan.overdue() || !loan.dueOn().isBefore(command.today())) {
            return;
        }
        apply(new LoanBecameOverdue(loan.school(schoolId), loan.loanId(), barcode, titleId, loan.patronId(), loan.category(), loan.classId(),
                loan.dueOn(), loan.dueOn().plusDays(1)));
    }

    /**
     * Records the copy's corrected details when they differ from its own (a price compared by its
     * value, 45000 as 45000.00); a copy whose snapshot predates its details takes them as new.
     *
     * @return whether anything changed
     */
    boolean reviseDetails(LocalDate acquiredOn, String source, BigDecimal price, boolean loanable, String callNumber) {
        Details revised = new Details(acquiredOn, source, price, loanable, callNumber);
        if (revised.sameAs(details)) {
            return false;
        }
        apply(new CopyDetailsRevised(schoolId, barcode, titleId, acquiredOn, source, price, loanable, callNumber));
        return true;
    }

    /** Records a withdrawal the desk decided on. */
    void withdraw(String reason, String decisionNo, LocalDate today) {
        apply(new CopyWithdrawn(schoolId, barcode, titleId, reason, today, decisionNo));
    }

    /**
     * Records a loss the desk accepted: the open loan, if any, ends with it. The patron held to
     * account is the one the report names, else the borrower.
     */
    CopyReportedLost reportLost(PatronId named, String note, Instant now, LocalDate today) {
        CopyReportedLost event = new CopyReportedLost(schoolId, barcode, titleId, today, now, note,
                named != null ? named : loan == null ? null : loan.patronId(), loan == null ? null : loan.loanId(),
                loan == null ? null : loan.category(), loan == null ? null : loan.classId());
        apply(event);
        return event;
    }

    @EventSourcingHandler
    void on(CopyAccessioned event) {
        id = aggregateId(event.schoolId(), event.barcode());
        schoolId = event.schoolId();
        barcode = event.barcode();
        titleId = event.titleId();
        title = event.title();
        docType = event.docType();
        loanable = event.loanable();
        details = new Details(event.acquiredOn(), event.source(), event.price(), event.loanable(), event.callNumber());
    }

    @EventSourcingHandler
    void on(CopyDetailsRevised event) {
        loanable = event.loanable();
        details = new Details(event.acquiredOn(), event.source(), event.price(), event.loanable(), event.callNumber());
    }

    @EventSourcingHandler
    void on(CopyCheckedOut event) {
        loan = new Loan(event.loanId(), event.patronId(), event.patronCategory(), event.classId(), event.dueOn(), 0, false,
                event.schoolId(), event.borrowedAt());
    }

    @EventSourcingHandler
    void on(CopyReturned event) {
        loan = null;
    }

    @EventSourcingHandler
    void on(LoanRenewed event) {
        loan = new Loan(loan.loanId(), loan.patronId(), loan.category(), loan.classId(), event.dueOn(), event.renewals(), false,
                loan.desk(), loan.since());
    }

    @EventSourcingHandler
    void on(LoanBecameOverdue event) {
        loan = new Loan(loan.loanId(), loan.patronId(), loan.category(), loan.classId(), loan.dueOn(), loan.renewals(), true,
                loan.desk(), loan.since());
    }

    @EventSourcingHandler
    void on(CopyWithdrawn event) {
        withdrawn = true;
    }

    @EventSourcingHandler
    void on(CopyReportedLost event) {
        lost = true;
        loan = null;
    }

    @EventSourcingHandler
    void on(CopySentAway event) {
        away = new Away(event.partnerSchoolId(), event.requestId(), Stage.TO_PARTNER, null);
    }

    @EventSourcingHandler
    void on(CopyArrivedAtPartner event) {
        away = new Away(event.partnerSchoolId(), event.requestId(), Stage.AT_PARTNER, event.rotationId());
    }

    @EventSourcingHandler
    void on(CopySentHome event) {
        away = new Away(event.partnerSchoolId(), event.requestId(), Stage.TO_OWNER, null);
    }

    @EventSourcingHandler
    void on(CopyBackHome event) {
        away = null;
    }

    /**
     * {@code desk}: the school that lent it, the owner's or, for a copy away, the partner's; absent
     * from snapshots taken before copies travelled, which were all lent at home. {@code since}: when
     * it began, absent from snapshots taken before copies kept it.
     */
    private record Loan(LoanId loanId, PatronId patronId, PatronCategory category, ClassId classId, LocalDate dueOn,
            int renewals, boolean overdue, SchoolId desk, Instant since) {

        SchoolId school(SchoolId owner) {
            return desk == null ? owner : desk;
        }
    }

    /** The copy's own details, as {@code POST copies} gives them. */
    private record Details(LocalDate acquiredOn, String source, BigDecimal price, boolean loanable, String callNumber) {

        boolean sameAs(Details other) {
            return other != null && Objects.equals(acquiredOn, other.acquiredOn) && Objects.equals(source, other.source)
                    && (price == null ? other.price == null : other.price != null && price.compareTo(other.price) == 0)
                    && loanable == other.loanable && Objects.equals(callNumber, other.callNumber);
        }
    }

    /** The stages of a copy's journey away from its library. */
    enum Stage {
        TO_PARTNER,
        AT_PARTNER,
        TO_OWNER
    }

    /** Away for an inter-library loan ({@code requestId}) or on a rotation ({@code rotationId}, absent from older snapshots). */
    private record Away(SchoolId partner, InterlibraryLoanId requestId, Stage stage, RotationId rotationId) {
    }
}
