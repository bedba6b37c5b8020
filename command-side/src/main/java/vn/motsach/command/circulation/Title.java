package vn.motsach.command.circulation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.command.circulation.CirculationCommands.CatalogueTitle;
import vn.motsach.command.circulation.CirculationCommands.ExpireHold;
import vn.motsach.command.circulation.CirculationCommands.ReviseTitle;
import vn.motsach.events.Barcode;
import vn.motsach.events.DocType;
import vn.motsach.events.HoldCancelReason;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.catalogue.TitleRevised;
import vn.motsach.events.holds.HoldCancelled;
import vn.motsach.events.holds.HoldExpired;
import vn.motsach.events.holds.HoldFulfilled;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.events.holds.HoldReadyForPickup;

/**
 * A title (đầu sách) and its hold queue. Holds are per title, not per copy: whichever copy
 * comes back first goes to the first patron waiting, and waits on the hold shelf for them.
 */
@Aggregate(repository = CirculationConfiguration.TITLE_REPOSITORY)
class Title {

    @AggregateIdentifier
    private String id;
    private SchoolId schoolId;
    private TitleId titleId;
    private Description description;
    /** Open holds in queue order: waiting ones and the ones whose copy is on the hold shelf. */
    private final Map<HoldId, Hold> holds = new LinkedHashMap<>();

    Title() {
        // for Axon
    }

    @CommandHandler
    Title(CatalogueTitle command) {
        apply(new TitleCatalogued(command.schoolId(), command.titleId(), command.title(), command.authors(), command.isbn(),
                command.publisher(), command.publishedYear(), command.classification(), command.subjects(),
                command.docType(), command.language(), command.edition(), command.controlNumber()));
    }

    /**
     * The new description replaces the old one whole; the hold queue and the copies stay as they
     * are. The same description again changes nothing, as a repeated PUT should.
     *
     * @return whether the description changed
     */
    @CommandHandler
    boolean handle(ReviseTitle command) {
        Description revised = new Description(command.title(), command.authors(), command.isbn(), command.publisher(),
                command.publishedYear(), command.classification(), command.subjects(), command.docType(), command.language(),
                command.edition());
        if (!revised.equals(description)) {
            apply(new TitleRevised(schoolId, titleId, command.title(), command.authors(), command.isbn(), command.publisher(),
                    command.publishedYear(), command.classification(), command.subjects(), command.docType(),
                    command.language(), command.edition()));
            return true;
        }
        return false;
    }

    static String aggregateId(SchoolId school, TitleId title) {
        return "title:" + school.value() + ":" + title.value();
    }

    String title() {
        return description.title();
    }

    DocType docType() {
        return description.docType();
    }

    int waitingHolds() {
        return (int) holds.values().stream().filter(Hold::waiting).count();
    }

    /** The patron a copy on the hold shelf is kept for, or {@code null} when it is not there. */
    PatronId heldFor(Barcode barcode) {
        return shelved(barcode).map(Hold::patronId).orElse(null);
    }

    /** Whether the patron has an open hold on this title, waiting or on the hold shelf. */
    boolean holds(PatronId patron) {
        return holds.values().stream().anyMatch(hold -> hold.patronId().equals(patron));
    }

    /**
     * The hold a checkout fulfils: the one whose copy this is, or else a hold the borrower is
     * still waiting with (they found a copy themselves).
     */
    Optional<HoldId> holdFulfilledBy(Barcode barcode, PatronId borrower) {
        return holds.entrySet().stream()
                .filter(entry -> entry.getValue().patronId().equals(borrower)
                        && (barcode.equals(entry.getValue().barcode()) || entry.getValue().waiting()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    void fulfil(HoldId holdId, Barcode barcode, LoanId loanId) {
        Hold hold = holds.get(holdId);
        apply(new HoldFulfilled(schoolId, holdId, titleId, hold.patronId(), barcode, loanId));
    }

    /** Records a hold the desk decided on, at the end of the queue. */
    HoldPlaced place(HoldId holdId, PatronStanding patron, Instant now) {
        HoldPlaced placed = new HoldPlaced(schoolId, holdId, titleId, patron.patronId(), patron.category(), patron.classId(),
                now, waitingHolds() + 1);
        apply(placed);
        return placed;
    }

    Optional<HoldId> nextWaiting() {
        return holds.entrySet().stream().filter(entry -> entry.getValue().waiting()).map(Map.Entry::getKey).findFirst();
    }

    /** Puts a copy on the hold shelf for {@code holdId}; {@code pickupBy} depends on the patron's policy. */
    void keepFor(HoldId holdId, Barcode barcode, Instant now, Function<PatronCategory, LocalDate> pickupBy) {
        Hold hold = holds.get(holdId);
        apply(new HoldReadyForPickup(schoolId, holdId, titleId, hold.patronId(), barcode, now, pickupBy.apply(hold.category())));
    }

    void cancel(HoldId holdId, HoldCancelReason reason, Instant now, Function<PatronCategory, LocalDate> pickupBy) {
        Hold hold = holds.get(holdId);
        if (hold == null) {
            throw new Refused(RefusalCode.HOLD_NOT_FOUND, holdId.toString());
        }
        apply(new HoldCancelled(schoolId, holdId, titleId, hold.patronId(), hold.barcode(), now, reason));
        passOn(hold.barcode(), now, pickupBy);
    }

    /** Sent by the hold-shelf sweep; a hold collected, already expired or not yet due changes nothing. */
    @CommandHandler
    void handle(ExpireHold command, HoldShelf shelf) {
        Hold hold = holds.get(command.holdId());
        if (hold == null || hold.waiting() || !hold.pickupBy().isBefore(command.today())) {
            return;
        }
        apply(new HoldExpired(schoolId, command.holdId(), titleId, hold.patronId(), hold.barcode(), hold.pickupBy()));
        passOn(hold.barcode(), command.now(), category -> shelf.pickupBy(schoolId, category, command.today()));
    }

    /** A copy freed from the hold shelf goes to the next patron waiting, or back to the shelf. */
    private void passOn(Barcode barcode, Instant now, Function<PatronCategory, LocalDate> pickupBy) {
        if (barcode != null) {
            nextWaiting().ifPresent(next -> keepFor(next, barcode, now, pickupBy));
        }
    }

    private Optional<Hold> shelved(Barcode barcode) {
        return holds.values().stream().filter(hold -> barcode.equals(hold.barcode())).findFirst();
    }

    @EventSourcingHandler
    void on(TitleCatalogued event) {
        id = aggregateId(event.schoolId(), event.titleId());
        schoolId = event.schoolId();
        titleId = event.titleId();
        description = new Description(event.title(), event.authors(), event.isbn(), event.publisher(), event.publishedYear(),
                event.classification(), event.subjects(), event.docType(), event.language(), event.edition());
    }

    @EventSourcingHandler
    void on(TitleRevised event) {
        description = new Description(event.title(), event.authors(), event.isbn(), event.publisher(), event.publishedYear(),
                event.classification(), event.subjects(), event.docType(), event.language(), event.edition());
    }

    @EventSourcingHandler
    void on(HoldPlaced event) {
        holds.put(event.holdId(), new Hold(event.patronId(), event.patronCategory(), null, null));
    }

    @EventSourcingHandler
    void on(HoldReadyForPickup event) {
        Hold hold = holds.get(event.holdId());
        holds.put(event.holdId(), new Hold(hold.patronId(), hold.category(), event.barcode(), event.pickupBy()));
    }

    @EventSourcingHandler
    void on(HoldFulfilled event) {
        holds.remove(event.holdId());
    }

    @EventSourcingHandler
    void on(HoldCancelled event) {
        holds.remove(event.holdId());
    }

    @EventSourcingHandler
    void on(HoldExpired event) {
        holds.remove(event.holdId());
    }

    /** What a cataloguer describes of a title: all of it is given again to revise it. */
    private record Description(String title, List<String> authors, String isbn, String publisher, Integer publishedYear,
            String classification, List<String> subjects, DocType docType, String language, String edition) {
    }

    private record Hold(PatronId patronId, PatronCategory category, Barcode barcode, LocalDate pickupBy) {

        boolean waiting() {
            return barcode == null;
        }
    }
}
