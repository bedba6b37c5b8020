package vn.motsach.command.circulation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.motsach.command.circulation.CatalogueCommandsForImports.ImportedRecord;
import vn.motsach.command.circulation.CatalogueCommandsForImports.NewCopy;
import vn.motsach.command.circulation.CatalogueCommandsForImports.OutOfCollection;
import vn.motsach.command.circulation.CirculationCommands.AccessionCopy;
import vn.motsach.command.circulation.CirculationCommands.CancelHold;
import vn.motsach.command.circulation.CirculationCommands.CancelHoldsOfLeaver;
import vn.motsach.command.circulation.CirculationCommands.CatalogueRecords;
import vn.motsach.command.circulation.CirculationCommands.CatalogueTitleWithCopies;
import vn.motsach.command.circulation.CirculationCommands.CheckOutCopy;
import vn.motsach.command.circulation.CirculationCommands.Lent;
import vn.motsach.command.circulation.CirculationCommands.PlaceHold;
import vn.motsach.command.circulation.CirculationCommands.RenewLoan;
import vn.motsach.command.circulation.CirculationCommands.Renewed;
import vn.motsach.command.circulation.CirculationCommands.ReportCopyLost;
import vn.motsach.command.circulation.CirculationCommands.ReturnCopy;
import vn.motsach.command.circulation.CirculationCommands.ReviseCopyDetails;
import vn.motsach.command.circulation.CirculationCommands.WithdrawCopy;
import vn.motsach.command.circulation.CirculationLookups.OpenHold;
import vn.motsach.command.patrons.DepartureHolds;
import vn.motsach.command.school.LoanPolicy;
import vn.motsach.command.school.SchoolCalendar;
import vn.motsach.command.school.SchoolLookups;
import vn.motsach.events.Barcode;
import vn.motsach.events.HoldCancelReason;
import vn.motsach.events.HoldId;
import vn.motsach.events.IntakeId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.infra.time.IdGenerator;

/**
 * The circulation desk: decisions that need more than one aggregate. It loads them in one
 * unit of work, always in the same order (copy, then title), after locking the patron's row,
 * so two desks racing for the same copy or patron decide one after the other; the event store
 * appends every stream in one PostgreSQL transaction.
 *
 * <p>A checkout, return, renewal, withdrawal or hold is decided in one place, its handler here:
 * it applies the named {@link CirculationRules} to the copy, the title and the patron's standing
 * in the order of precedence of their refusals (the copy's own, then the hold shelf's, then the
 * patron's), reading each fact only once a rule needs it, and then has the aggregates record the
 * outcome. A decision that needs one aggregate only is that aggregate's own command handler.
 * What a desk recorded offline is decided by the {@link OfflineDesk}, which loads the aggregates here.
 */
@Component
class CirculationDesk implements DepartureHolds, HoldShelf {

    private final Repository<Copy> copies;
    private final Repository<Title> titles;
    private final CirculationLookups lookups;
    private final SchoolLookups schools;
    private final IdGenerator ids;
    private final Clock clock;

    CirculationDesk(Repository<Copy> copies, Repository<Title> titles, CirculationLookups lookups, SchoolLookups schools,
            IdGenerator ids, Clock clock) {
        this.copies = copies;
        this.titles = titles;
        this.lookups = lookups;
        this.schools = schools;
        this.ids = ids;
        this.clock = clock;
    }

    @CommandHandler
    Barcode handle(AccessionCopy command) throws Exception {
        Aggregate<Title> title = title(command.schoolId(), command.titleId());
        if (command.intakeId() != null && !lookups.intakeExists(command.schoolId(), command.intakeId())) {
            throw new Refused(RefusalCode.INTAKE_NOT_FOUND, command.intakeId().toString());
        }
        List<NewCopy> copy = List.of(command.copy());
        refuseWhenBarcodesTaken(command.schoolId(), copy);
        accession(command.schoolId(), command.titleId(), stateOf(title), command.intakeId(), copy);
        return command.barcode();
    }

    /**
     * An import's batch of records: each new title catalogued as {@code POST titles} catalogues it,
     * and each record's copies accessioned with their title's name in hand, a title catalogued
     * before loaded once for all of them. All the batch's barcodes are looked for in one query; one
     * taken (or given twice) refuses the batch whole, which the import then applies record by record.
     */
    @CommandHandler
    void handle(CatalogueRecords command) throws Exception {
        SchoolId school = command.schoolId();
        refuseWhenBarcodesTaken(school, command.records().stream().flatMap(record -> record.copies().stream()).toList());
        Map<TitleId, Title> catalogued = new HashMap<>();
        for (ImportedRecord record : command.records()) {
            Title title;
            if (record instanceof CatalogueTitleWithCopies catalogue) {
                title = stateOf(titles.newInstance(() -> new Title(catalogue.title())));
                catalogued.put(record.titleId(), title);
            } else if (catalogued.containsKey(record.titleId())) {
                title = catalogued.get(record.titleId());
            } else {
                title = stateOf(title(school, record.titleId()));
            }
            accession(school, record.titleId(), title, null, record.copies());
        }
    }

    /** The copies of {@code title}, each with the title's name and document type as it has them now. */
    private void accession(SchoolId school, TitleId titleId, Title title, @Nullable IntakeId intake, List<NewCopy> newCopies)
            throws Exception {
        for (NewCopy copy : newCopies) {
            Aggregate<Copy> made = copies.newInstance(() -> new Copy(new CopyAccessioned(school, copy.barcode(), titleId,
                    title.title(), title.docType(), copy.acquiredOn(), copy.source(), copy.price(), copy.loanable(), intake,
                    copy.callNumber())));
            // a copy just made is on no loan, hold shelf or journey: nothing the desk's rules for a loss or a
            // withdrawal refuse, so it records the very event those requests record
            if (copy.outOfCollection() == OutOfCollection.LOST) {
                made.execute(c -> c.reportLost(null, OutOfCollection.LOST.reason(), now(), today()));
            } else if (copy.outOfCollection() == OutOfCollection.WITHDRAWN) {
                made.execute(c -> c.withdraw(OutOfCollection.WITHDRAWN.reason(), null, today()));
            }
        }
    }

    /** A barcode the school has already, or given twice, is refused: all of them looked for in one query, the first taken named. */
    private void refuseWhenBarcodesTaken(SchoolId school, List<NewCopy> newCopies) {
        List<Barcode> barcodes = newCopies.stream().map(NewCopy::barcode).toList();
        Set<Barcode> taken = new HashSet<>(lookups.copiesAmong(school, barcodes));
        for (Barcode barcode : barcodes) {
            if (!taken.add(barcode)) {
                throw new Refused(RefusalCode.DUPLICATE_BARCODE, barcode.value());
            }
        }
    }

    /**
     * A copy's details corrected: refused for a copy out of the collection (withdrawn or lost), as
     * every other copy command refuses it; the same details again change nothing.
     */
    @CommandHandler
    Boolean handle(ReviseCopyDetails command) {
        Aggregate<Copy> copy = copy(command.schoolId(), command.barcode());
        Copy revised = stateOf(copy);
        CirculationRules.refuseWhenCopyWithdrawn(revised);
        CirculationRules.refuseWhenCopyLost(revised);
        return copy.invoke(c -> c.reviseDetails(command.acquiredOn(), command.source(), command.price(), command.loanable(),
                command.callNumber()));
    }

    @CommandHandler
    void handle(WithdrawCopy command) {
        Aggregate<Copy> copy = copy(command.schoolId(), command.barcode());
        Copy withdrawn = stateOf(copy);
        Aggregate<Title> title = title(command.schoolId(), withdrawn.titleId());
        CirculationRules.refuseWhenCopyOnHoldShelf(stateOf(title), command.barcode());
        // a second withdrawal is refused: answering it as done would echo a reason that is not the one stored
        CirculationRules.refuseWhenCopyWithdrawn(withdrawn);
        CirculationRules.refuseWhenCopyLost(withdrawn);
        CirculationRules.refuseWhenCopyAlreadyOnLoan(withdrawn);
        CirculationRules.refuseWhenCopyAway(withdrawn, null);
        copy.execute(c -> c.withdraw(command.reason(), command.decisionNo(), today()));
    }

    /**
     * A lost copy leaves circulation, and a loan it was out on closes as lost. A copy kept on the
     * hold shelf is refused as a withdrawal is: its hold is cancelled first, and passes the copy on.
     */
    @CommandHandler
    CopyReportedLost handle(ReportCopyLost command) {
        // the patron's row first, as every desk decision that names a patron locks it, then the copy
        if (command.patronId() != null && lookups.lockPatron(command.schoolId(), command.patronId(), today()).isEmpty()) {
            throw new Refused(RefusalCode.PATRON_NOT_FOUND, command.patronId().value());
        }
        Aggregate<Copy> copy = copy(command.schoolId(), command.barcode());
        Copy lost = stateOf(copy);
        CirculationRules.refuseWhenCopyWithdrawn(lost);
        CirculationRules.refuseWhenCopyLost(lost);
        CirculationRules.refuseWhenCopyAway(lost, null);
        titleWithOpenHolds(command.schoolId(), lost.titleId())
                .ifPresent(title -> CirculationRules.refuseWhenCopyOnHoldShelf(stateOf(title), command.barcode()));
        return copy.invoke(c -> c.reportLost(command.patronId(), command.note(), now(), today()));
    }

    @CommandHandler
    Lent handle(CheckOutCopy command) {
        LocalDate today = today();
        PatronStanding patron = lookups.lockPatron(command.schoolId(), command.patronId(), today)
                .orElseThrow(() -> new Refused(RefusalCode.PATRON_NOT_FOUND, command.patronId().value()));
        Aggregate<Copy> copy = copyAtDesk(command.schoolId(), command.barcode(), command.ownerSchoolId());
        Copy lent = stateOf(copy);
        CirculationRules.refuseWhenCopyWithdrawn(lent);
        CirculationRules.refuseWhenCopyLost(lent);
        CirculationRules.refuseWhenCopyNotLoanable(lent);
        CirculationRules.refuseWhenCopyAlreadyOnLoan(lent);
        CirculationRules.refuseWhenCopyAway(lent, command.schoolId());
        Optional<Aggregate<Title>> title = titleWithOpenHolds(command.schoolId(), lent.titleId());
        title.ifPresent(t -> CirculationRules.refuseWhenOnHoldForAnotherPatron(stateOf(t), command.barcode(), patron));
        Optional<HoldId> fulfilled = title.flatMap(t -> stateOf(t).holdFulfilledBy(command.barcode(), command.patronId()));
        CirculationRules.refuseWhenPatronInactive(patron);
        CirculationRules.refuseWhenPatronHasOverdueLoans(patron);
        // a partner's copy is lent for as long and as many as its owner lends (Decree 93/2020 Art 27), a rotated one as the desk lends
        LoanPolicy policy = schools.policy(lent.policySchool(), patron.category());
        CirculationRules.refuseWhenLoanLimitReached(patron, policy);
        SchoolCalendar calendar = schools.calendar(command.schoolId());
        LoanTerm term = LoanTerm.of(calendar.dueOn(today, policy.loanDays()), patron.leavesOn(), today, calendar);
        CirculationRules.refuseWhenPatronLeaving(patron.patronId(), term, today);
        LoanId loanId = new LoanId(ids.newId());
        CopyCheckedOut checkedOut = copy.invoke(c -> c.checkOut(loanId, patron, term.dueOn(), now(), fulfilled.orElse(null)));
        fulfilled.ifPresent(hold -> title.orElseThrow().execute(t -> t.fulfil(hold, command.barcode(), loanId)));
        return new Lent(checkedOut, term.leavesOn());
    }

    @CommandHandler
    CopyReturned handle(ReturnCopy command) {
        Aggregate<Copy> copy = command.ownerSchoolId() != null
                ? copyAtDesk(command.schoolId(), command.barcode(), command.ownerSchoolId())
                : copyLentAtDesk(command.schoolId(), command.barcode());
        Copy returned = stateOf(copy);
        CirculationRules.refuseWhenCopyNotOnLoan(returned);
        CirculationRules.refuseWhenCopyAway(returned, command.schoolId());
        Optional<Aggregate<Title>> title = titleWithOpenHolds(command.schoolId(), returned.titleId());
        Optional<HoldId> next = title.flatMap(t -> stateOf(t).nextWaiting());
        Instant now = now();
        CopyReturned checkedIn = copy.invoke(c -> c.checkIn(now, today(), next.orElse(null)));
        next.ifPresent(hold -> title.orElseThrow()
                .execute(t -> t.keepFor(hold, command.barcode(), now, pickupBy(command.schoolId()))));
        return checkedIn;
    }

    @CommandHandler
    Renewed handle(RenewLoan command) {
        CirculationLookups.LoanedCopy loaned = lookups.copyOfOpenLoan(command.schoolId(), command.loanId())
                .orElseThrow(() -> new Refused(RefusalCode.LOAN_NOT_FOUND, command.loanId().toString()));
        LocalDate today = today();
        // the borrower's row first, as every desk decision about a patron locks it, then the copy
        Optional<PatronStanding> borrower = lookups.lockPatron(command.schoolId(), loaned.borrower(), today);
        Barcode barcode = loaned.barcode();
        // the loan knows whose copy it lent, whatever else has the same barcode at this desk
        Aggregate<Copy> copy = copy(loaned.owner(), barcode);
        Copy lent = stateOf(copy);
        // a partner's copy: its owner's waiting readers are the owner's to serve once it is back
        if (lent.owner().equals(command.schoolId())) {
            Aggregate<Title> title = title(command.schoolId(), lent.titleId());
            CirculationRules.refuseWhenRenewalBlockedByHold(stateOf(title), barcode);
        }
        // the lookup and the copy disagree only when another desk took the copy back a moment ago
        if (!command.loanId().equals(lent.currentLoan())) {
            throw new Refused(RefusalCode.LOAN_NOT_FOUND, command.loanId().toString());
        }
        PatronCategory category = lent.borrowerCategory();
        LoanPolicy policy = schools.policy(lent.policySchool(), category == null ? PatronCategory.STUDENT : category);
        CirculationRules.refuseWhenRenewalLimitReached(lent, policy);
        borrower.ifPresent(CirculationRules::refuseWhenPatronInactive);
        SchoolCalendar calendar = schools.calendar(command.schoolId());
        LoanTerm term = LoanTerm.of(calendar.dueOn(today, policy.loanDays()),
                borrower.map(PatronStanding::leavesOn).orElse(null), today, calendar);
        CirculationRules.refuseWhenPatronLeaving(loaned.borrower(), term, today);
        CirculationRules.refuseWhenRenewalExtendsNothing(loaned.borrower(), term, lent.currentDueOn());
        return new Renewed(copy.invoke(c -> c.renew(term.dueOn(), now())), term.leavesOn());
    }

    @CommandHandler
    HoldPlaced handle(PlaceHold command) {
        PatronStanding patron = lookups.lockPatron(command.schoolId(), command.patronId(), today())
                .orElseThrow(() -> new Refused(RefusalCode.PATRON_NOT_FOUND, command.patronId().value()));
        Aggregate<Title> title = title(command.schoolId(), command.titleId());
        CirculationRules.refuseWhenPatronInactive(patron);
        TitleCopies copies = lookups.copiesOf(command.schoolId(), command.titleId());
        CirculationRules.refuseWhenTitleNotLoanable(copies);
        CirculationRules.refuseWhenHoldNotNeeded(copies);
        CirculationRules.refuseWhenHoldAlreadyPlaced(stateOf(title), patron);
        HoldId holdId = new HoldId(ids.newId());
        return title.invoke(t -> t.place(holdId, patron, now()));
    }

    @CommandHandler
    HoldId handle(CancelHold command) {
        TitleId titleId = lookups.titleOfHold(command.schoolId(), command.holdId())
                .orElseThrow(() -> new Refused(RefusalCode.HOLD_NOT_FOUND, command.holdId().toString()));
        title(command.schoolId(), titleId)
                .execute(t -> t.cancel(command.holdId(), HoldCancelReason.REQUESTED, now(), pickupBy(command.schoolId())));
        return command.holdId();
    }

    /**
     * Called in a departure's unit of work: a patron who left can no longer borrow, so what they
     * wait for goes to the next patron. The patron's row is locked first, as every desk decision
     * about a patron does, so a hold placed at the same moment is decided before or after, never between.
     */
    @Override
    public void cancelOpenHolds(SchoolId school, PatronId patron) {
        lookups.lockPatron(school, patron, today());
        Instant now = now();
        for (OpenHold hold : lookups.openHoldsOf(school, patron)) {
            title(school, hold.titleId())
                    .execute(t -> t.cancel(hold.holdId(), HoldCancelReason.PATRON_LEFT, now, pickupBy(school)));
        }
    }

    /** Sent by the sweep: the patron is judged again, as they may have rejoined since the sweep read them. */
    @CommandHandler
    void handle(CancelHoldsOfLeaver command) {
        boolean here = lookups.lockPatron(command.schoolId(), command.patronId(), command.today())
                .map(PatronStanding::active).orElse(true);
        if (!here) {
            cancelOpenHolds(command.schoolId(), command.patronId());
        }
    }

    @Override
    public LocalDate pickupBy(SchoolId school, PatronCategory category, LocalDate today) {
        return schools.calendar(school).openDaysAfter(today, schools.policy(school, category).holdPickupDays());
    }

    /** The last day a copy put on the hold shelf today waits there, per the patron's policy. */
    private Function<PatronCategory, LocalDate> pickupBy(SchoolId school) {
        LocalDate today = today();
        // read only when a copy actually goes to the hold shelf, which most cancellations do not
        return category -> pickupBy(school, category, today);
    }

    /** A copy in use is usually in memory: loading it first spares the lookup for the rare unknown barcode. */
    Aggregate<Copy> copy(SchoolId school, Barcode barcode) {
        try {
            return copies.load(Copy.aggregateId(school, barcode));
        } catch (AggregateNotFoundException e) {
            throw new Refused(RefusalCode.COPY_NOT_FOUND, barcode.value());
        }
    }

    /**
     * The copy a desk scans: the school's own, or a partner's copy now at this desk (lent to it for
     * an inter-library loan). Two libraries may number their copies alike, so when the barcode is
     * both, or several partners' copies at this desk, the desk must say whose copy it means
     * ({@code owner}); the refusal lists the owners to choose from. A barcode that is one copy's
     * only is found without it, as every desk expects.
     */
    Aggregate<Copy> copyAtDesk(SchoolId school, Barcode barcode, @Nullable SchoolId owner) {
        List<SchoolId> partners = lookups.ownersOfPartnerCopies(school, barcode);
        if (owner != null) {
            if (!owner.equals(school) && !partners.contains(owner)) {
                throw new Refused(RefusalCode.COPY_NOT_FOUND, barcode.value());
            }
            return owner.equals(school) ? copy(school, barcode) : partnersCopy(school, owner, barcode);
        }
        if (partners.isEmpty()) {
            return copy(school, barcode);
        }
        boolean own = lookups.copyExists(school, barcode);
        if (!own && partners.size() == 1) {
            return partnersCopy(school, partners.get(0), barcode);
        }
        List<String> owners = new ArrayList<>();
        if (own) {
            owners.add(school.value());
        }
        partners.forEach(partner -> owners.add(partner.value()));
        throw new Refused(RefusalCode.BARCODE_AMBIGUOUS, barcode.value(), String.join(", ", owners));
    }

    /**
     * The copy a desk takes back or renews by its barcode alone: as {@link #copyAtDesk}, and when
     * two libraries' copies of that barcode are at the desk, the one of them lent here now (a book
     * brought back is the one that went out). Still ambiguous when both or neither are.
     */
    Aggregate<Copy> copyLentAtDesk(SchoolId school, Barcode barcode) {
        try {
            return copyAtDesk(school, barcode, null);
        } catch (Refused refused) {
            if (refused.code() != RefusalCode.BARCODE_AMBIGUOUS) {
                throw refused;
            }
            List<Aggregate<Copy>> lentHere = new ArrayList<>();
            if (lookups.copyExists(school, barcode)) {
                Aggregate<Copy> own = copy(school, barcode);
                if (stateOf(own).onLoan() && !stateOf(own).away()) {
                    lentHere.add(own);
                }
            }
            for (SchoolId partner : lookups.ownersOfPartnerCopies(school, barcode)) {
                Aggregate<Copy> partners = copy(partner, barcode);
                if (stateOf(partners).onLoan() && stateOf(partners).atPartner(school, null)) {
                    lentHere.add(partners);
                }
            }
            if (lentHere.size() != 1) {
                throw refused;
            }
            return lentHere.get(0);
        }
    }

    /**
     * A partner's copy the lookup places at this desk, as the copy itself has it: the lookup was
     * read before the copy was loaded, and the owner may have taken it home in between (a rotation
     * returned), when lending it here would record a loan at the owner's desk for this school's reader.
     */
    private Aggregate<Copy> partnersCopy(SchoolId desk, SchoolId owner, Barcode barcode) {
        Aggregate<Copy> copy = copy(owner, barcode);
        if (!stateOf(copy).atPartner(desk, null)) {
            throw new Refused(RefusalCode.COPY_NOT_FOUND, barcode.value());
        }
        return copy;
    }

    Aggregate<Title> title(SchoolId school, TitleId titleId) {
        if (!lookups.titleExists(school, titleId)) {
            throw new Refused(RefusalCode.TITLE_NOT_FOUND, titleId.toString());
        }
        return titles.load(Title.aggregateId(school, titleId));
    }

    /**
     * The title of a copy being lent or returned, when someone waits for it or has a copy kept on
     * the hold shelf: otherwise the title has no say, and most titles have no open hold, so the
     * scan skips the costliest read it would make. The lookup reads the same transaction's view
     * as the title itself would: a hold placed by a desk that has not committed is unseen either way.
     */
    Optional<Aggregate<Title>> titleWithOpenHolds(SchoolId school, TitleId titleId) {
        return lookups.hasOpenHolds(school, titleId) ? Optional.of(title(school, titleId)) : Optional.empty();
    }

    /**
     * The aggregate's current state, for the rules to judge. Only reads go through it: every change
     * is still made through {@code invoke} or {@code execute}, so its events are applied in its lifecycle.
     */
    static <T> T stateOf(Aggregate<T> aggregate) {
        return aggregate.invoke(Function.identity());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return clock.instant();
    }
}
