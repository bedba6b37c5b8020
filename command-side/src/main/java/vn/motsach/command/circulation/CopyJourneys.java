package vn.motsach.command.circulation;

import static vn.motsach.command.circulation.CirculationDesk.stateOf;

import java.time.Clock;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import vn.motsach.command.circulation.Copy.Stage;
import vn.motsach.events.Barcode;
import vn.motsach.events.InterlibraryLoanId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.RotationId;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * A copy's journeys between libraries (liên thông), decided on the copy itself, in the unit of
 * work of the command that asks: the copy's stream takes the step as it takes a loan, so a
 * shipment and a checkout of the same copy, or two shipments of it, are decided one after the
 * other (Axon's lock of the copy in this process, the event store's unique sequence across
 * processes, the loser run again on the winner's state) and the second is refused. Each step is
 * taken only from the stage before it, for the journey it belongs to.
 */
@Component
public class CopyJourneys {

    private final Repository<Copy> copies;
    private final CirculationLookups lookups;
    private final Clock clock;

    CopyJourneys(Repository<Copy> copies, CirculationLookups lookups, Clock clock) {
        this.copies = copies;
        this.lookups = lookups;
        this.clock = clock;
    }

    /**
     * Sends the owner's copy of {@code title} to a partner: only a copy on the shelf can go, one
     * that can be lent, not lent now, at home, not kept for a hold.
     */
    public void send(SchoolId owner, Barcode barcode, TitleId title, SchoolId partner, InterlibraryLoanId request) {
        Aggregate<Copy> copy = onShelf(owner, barcode);
        if (!stateOf(copy).titleId().equals(title)) {
            throw new Refused(RefusalCode.COPY_NOT_AVAILABLE, barcode.value());
        }
        copy.execute(c -> c.sendAway(partner, request, clock.instant()));
    }

    /**
     * Lends the owner's copy to a partner on a rotation: on the partner's desk at once, from the
     * owner's shelf only, as a shipment goes, so a copy on loan, on an inter-library loan or on
     * another rotation is refused.
     */
    public void rotate(SchoolId owner, Barcode barcode, SchoolId partner, RotationId rotation) {
        onShelf(owner, barcode).execute(c -> c.rotateTo(partner, rotation, clock.instant()));
    }

    /** A copy of the rotation back home; a copy still lent to one of the partner's readers stays until returned there. */
    public void rotateHome(SchoolId owner, Barcode barcode, RotationId rotation) {
        Aggregate<Copy> copy = copy(owner, barcode);
        Copy away = stateOf(copy);
        if (!away.onRotation(rotation)) {
            throw new Refused(RefusalCode.WRONG_STATE, barcode.value(), away.away() ? away.whereAway() : "AT_HOME");
        }
        if (away.onLoan()) {
            throw new Refused(RefusalCode.COPY_ALREADY_ON_LOAN, barcode.value());
        }
        copy.execute(c -> c.rotateHome(clock.instant()));
    }

    /** Whether the owner's copy is lent to a reader now, wherever it is. */
    public boolean lentOut(SchoolId owner, Barcode barcode) {
        return stateOf(copy(owner, barcode)).onLoan();
    }

    /** The copy, when it is on its owner's shelf to go: lendable, not lent now, at home, not kept for a hold. */
    private Aggregate<Copy> onShelf(SchoolId owner, Barcode barcode) {
        Aggregate<Copy> copy = copy(owner, barcode);
        Copy sent = stateOf(copy);
        if (sent.withdrawn() || sent.lost() || !sent.loanable() || sent.onLoan() || sent.away()
                || lookups.onHoldShelf(owner, barcode)) {
            throw new Refused(RefusalCode.COPY_NOT_AVAILABLE, barcode.value());
        }
        return copy;
    }

    /** The partner received the copy sent to it. */
    public void arrive(SchoolId owner, Barcode barcode, InterlibraryLoanId request) {
        Aggregate<Copy> copy = inStage(owner, barcode, Stage.TO_PARTNER, request);
        copy.execute(c -> c.arriveAtPartner(clock.instant()));
    }

    /** The partner sends the copy back; a copy still lent to one of its readers stays until returned. */
    public void sendHome(SchoolId owner, Barcode barcode, InterlibraryLoanId request) {
        Aggregate<Copy> copy = inStage(owner, barcode, Stage.AT_PARTNER, request);
        if (stateOf(copy).onLoan()) {
            throw new Refused(RefusalCode.COPY_ALREADY_ON_LOAN, barcode.value());
        }
        copy.execute(c -> c.sendHome(clock.instant()));
    }

    /** The owner received its copy back. */
    public void backHome(SchoolId owner, Barcode barcode, InterlibraryLoanId request) {
        Aggregate<Copy> copy = inStage(owner, barcode, Stage.TO_OWNER, request);
        copy.execute(c -> c.backHome(clock.instant()));
    }

    private Aggregate<Copy> inStage(SchoolId owner, Barcode barcode, Stage stage, InterlibraryLoanId request) {
        Aggregate<Copy> copy = copy(owner, barcode);
        Copy travelling = stateOf(copy);
        if (!travelling.travelling(stage, request)) {
            throw new Refused(RefusalCode.WRONG_STATE, barcode.value(), travelling.away() ? travelling.whereAway() : "AT_HOME");
        }
        return copy;
    }

    private Aggregate<Copy> copy(SchoolId school, Barcode barcode) {
        try {
            return copies.load(Copy.aggregateId(school, barcode));
        } catch (AggregateNotFoundException e) {
            throw new Refused(RefusalCode.COPY_NOT_FOUND, barcode.value());
        }
    }
}
