package vn.motsach.command.circulation;

import static vn.motsach.command.circulation.CirculationDesk.stateOf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motsach.command.circulation.OfflineCommands.DeskOutcome;
import vn.motsach.command.circulation.OfflineCommands.RecordFromDesk;
import vn.motsach.command.school.LoanPolicy;
import vn.motsach.command.school.SchoolCalendar;
import vn.motsach.command.school.SchoolLookups;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.circulation.LoanRenewed;
import vn.motsach.events.desk.DeskExceptionId;
import vn.motsach.events.desk.DeskExceptionRecorded;
import vn.motsach.infra.time.IdGenerator;
import vn.motsach.infra.time.TimeAutoConfiguration;

/**
 * Decides what a desk recorded without the server, at the moment it happened: the patron's
 * standing, the due date and the events' times are those of {@code recordedAt}, so a loan made
 * offline on Friday is due, overdue and counted as if it had been made online on Friday. The
 * catalogue and the roster are as they are now (a copy registered later that week is known).
 *
 * <p>A record that cannot be true (from the future, too old, an unknown copy or patron, a copy
 * withdrawn or lost) is refused. One that broke a rule the desk applies online is recorded all
 * the same, with a {@link DeskException} naming the rules it broke ({@link OfflineRules}).
 */
@Component
class OfflineDesk {

    private final CirculationDesk desk;
    private final Repository<DeskException> exceptions;
    private final CirculationLookups lookups;
    private final SchoolLookups schools;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration maxAge;

    OfflineDesk(CirculationDesk desk,
            @Qualifier(CirculationConfiguration.DESK_EXCEPTION_REPOSITORY) Repository<DeskException> exceptions,
            CirculationLookups lookups, SchoolLookups schools, IdGenerator ids, Clock clock,
            @Value("${motsach.desk-sync.max-age:7d}") Duration maxAge) {
        this.desk = desk;
        this.exceptions = exceptions;
        this.lookups = lookups;
        this.schools = schools;
        this.ids = ids;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @CommandHandler
    DeskOutcome handle(RecordFromDesk record) {
        Instant now = clock.instant();
        OfflineRules.refuseWhenFromTheFuture(record.key(), record.recordedAt(), now);
        OfflineRules.refuseWhenTooOld(record.key(), record.recordedAt(), now, maxAge);
        return switch (record.kind()) {
            case CHECKOUT -> checkOut(record);
            case CHECKIN -> checkIn(record);
            case RENEWAL -> renew(record);
        };
    }

    /**
     * A lend. A copy on loan to someone else since before the record came back unseen: that loan
     * closes at the record's moment and the new one opens. A copy lent again since the record
     * (another desk's record of a later lend came first) keeps its current loan: the record's
     * loan had ended by then, and the exception is all that remains of it.
     */
    private DeskOutcome checkOut(RecordFromDesk record) {
        SchoolId school = record.schoolId();
        Instant at = record.recordedAt();
        LocalDate day = dayOf(at);
        PatronStanding patron = lookups.lockPatron(school, record.patronId(), day)
                .orElseThrow(() -> new Refused(RefusalCode.PATRON_NOT_FOUND, record.patronId().value()));
        Aggregate<Copy> copy = desk.copyAtDesk(school, record.barcode(), null);
        Copy lent = stateOf(copy);
        CirculationRules.refuseWhenCopyWithdrawn(lent);
        CirculationRules.refuseWhenCopyLost(lent);
        // a copy recorded away from this desk (in transit, at another library) cannot have been
        // handed over here: its journey must be put right first, so the record is refused
        CirculationRules.refuseWhenCopyAway(lent, school);
        if (OfflineRules.lentAgainSince(lent, at)) {
            return exception(record, List.of(RefusalCode.COPY_ALREADY_ON_LOAN), null, null, null);
        }
        Optional<Aggregate<Title>> title = desk.titleWithOpenHolds(school, lent.titleId());
        // a partner's copy is lent for as long and as many as its owner lends (a rotated one: the desk's), as at the online desk
        LoanPolicy policy = schools.policy(lent.policySchool(), patron.category());
        List<RefusalCode> broken = OfflineRules.brokenByCheckout(lent, title.map(CirculationDesk::stateOf).orElse(null),
                patron, policy);
        SchoolCalendar calendar = schools.calendar(school);
        LoanTerm term = LoanTerm.of(calendar.dueOn(day, policy.loanDays()), patron.leavesOn(), day, calendar);
        OfflineRules.noteWhenPatronLeaving(broken, patron.patronId(), term, day);
        LoanId closed = lent.onLoan() ? copy.invoke(c -> c.returnUnseen(at, day)).loanId() : null;
        Optional<HoldId> fulfilled = title.flatMap(t -> stateOf(t).holdFulfilledBy(record.barcode(), record.patronId()));
        LoanId loanId = new LoanId(ids.newId());
        CopyCheckedOut checkedOut = copy.invoke(c -> c.checkOut(loanId, patron, term.dueOn(), at, fulfilled.orElse(null)));
        fulfilled.ifPresent(hold -> title.orElseThrow().execute(t -> t.fulfil(hold, record.barcode(), loanId)));
        return outcome(record, broken, checkedOut.loanId(), checkedOut.dueOn(), closed);
    }

    /**
     * A return closes the loan that was open when it was recorded: when the copy has been lent
     * again since, that earlier loan is closed already and the current one is left alone.
     */
    private DeskOutcome checkIn(RecordFromDesk record) {
        SchoolId school = record.schoolId();
        Instant at = record.recordedAt();
        Aggregate<Copy> copy = desk.copyLentAtDesk(school, record.barcode());
        Copy returned = stateOf(copy);
        if (!returned.onLoan()) {
            return exception(record, List.of(RefusalCode.COPY_NOT_ON_LOAN), null, null, null);
        }
        if (OfflineRules.lentAgainSince(returned, at)) {
            return new DeskOutcome(null, null, null, List.of());
        }
        Optional<Aggregate<Title>> title = desk.titleWithOpenHolds(school, returned.titleId());
        Optional<HoldId> next = title.flatMap(t -> stateOf(t).nextWaiting());
        LocalDate day = dayOf(at);
        CopyReturned checkedIn = copy.invoke(c -> c.checkIn(at, day, next.orElse(null)));
        next.ifPresent(hold -> title.orElseThrow().execute(t -> t.keepFor(hold, record.barcode(), at,
                (PatronCategory category) -> desk.pickupBy(school, category, day))));
        return new DeskOutcome(checkedIn.loanId(), null, null, List.of());
    }

    /** A renewal of the loan open when it was recorded, for a fresh loan period from that day. */
    private DeskOutcome renew(RecordFromDesk record) {
        SchoolId school = record.schoolId();
        Instant at = record.recordedAt();
        Aggregate<Copy> copy = desk.copyLentAtDesk(school, record.barcode());
        Copy lent = stateOf(copy);
        if (!lent.onLoan() || OfflineRules.lentAgainSince(lent, at)) {
            return exception(record, List.of(RefusalCode.LOAN_NOT_FOUND), null, null, null);
        }
        Aggregate<Title> title = desk.title(school, lent.titleId());
        PatronCategory category = lent.borrowerCategory();
        LoanPolicy policy = schools.policy(lent.policySchool(), category == null ? PatronCategory.STUDENT : category);
        List<RefusalCode> broken = OfflineRules.brokenByRenewal(lent, stateOf(title), policy);
        LocalDate day = dayOf(at);
        Optional<PatronStanding> borrower = lookups.patronOn(school, lent.borrower(), day);
        borrower.ifPresent(patron -> OfflineRules.noteWhenPatronInactive(broken, patron));
        SchoolCalendar calendar = schools.calendar(school);
        LoanTerm term = LoanTerm.of(calendar.dueOn(day, policy.loanDays()),
                borrower.map(PatronStanding::leavesOn).orElse(null), day, calendar);
        OfflineRules.noteWhenPatronLeaving(broken, lent.borrower(), term, day);
        LoanRenewed renewed = copy.invoke(c -> c.renew(term.dueOn(), at));
        return outcome(record, broken, renewed.loanId(), renewed.dueOn(), null);
    }

    private DeskOutcome outcome(RecordFromDesk record, List<RefusalCode> broken, LoanId loanId, LocalDate dueOn,
            LoanId closed) {
        return broken.isEmpty()
                ? new DeskOutcome(loanId, dueOn, null, broken)
                : exception(record, broken, loanId, dueOn, closed);
    }

    private DeskOutcome exception(RecordFromDesk record, List<RefusalCode> broken, LoanId loanId, LocalDate dueOn,
            LoanId closed) {
        DeskExceptionId exceptionId = new DeskExceptionId(ids.newId());
        try {
            exceptions.newInstance(() -> new DeskException(new DeskExceptionRecorded(record.schoolId(), exceptionId,
                    record.deskId(), record.key(), record.kind(), record.barcode(), record.patronId(), record.recordedAt(),
                    List.copyOf(broken), loanId, closed, clock.instant())));
        } catch (Exception e) {
            throw new IllegalStateException("Could not open desk exception " + exceptionId, e);
        }
        return new DeskOutcome(loanId, dueOn, exceptionId, List.copyOf(broken));
    }

    private LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, TimeAutoConfiguration.SCHOOL_ZONE);
    }
}
