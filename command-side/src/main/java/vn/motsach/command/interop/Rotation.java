package vn.motsach.command.interop;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.motsach.events.Barcode;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.RotationId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.interop.RotationReturned;
import vn.motsach.events.interop.RotationSent;

/**
 * A rotation (luân chuyển): the set of copies an owner lent to a partner library for a semester,
 * and which of them are still away. Each copy's own move is its stream's event, decided on the
 * copy ({@code CopyJourneys}) in the same unit of work; this aggregate keeps the set whole, so a
 * return names only copies of the rotation that are still away.
 */
@Aggregate
class Rotation {

    @AggregateIdentifier
    private String id;
    private SchoolId owner;
    private RotationId rotationId;
    private SchoolId partner;
    private Set<Barcode> away;

    Rotation() {
        // for Axon
    }

    Rotation(RotationSent sent) {
        apply(sent);
    }

    /** In the owner's streams, as the rotation's events are the owner's. */
    static String aggregateId(SchoolId owner, RotationId rotation) {
        return "rotation:" + owner.value() + ":" + rotation.value();
    }

    /**
     * The copies a return brings home: those named, each of which must still be away on this
     * rotation, or without names every copy still away; a rotation already home in full is refused.
     */
    List<Barcode> toReturn(List<Barcode> named) {
        if (named == null) {
            if (away.isEmpty()) {
                throw new Refused(RefusalCode.WRONG_STATE, rotationId.toString(), "RETURNED");
            }
            return List.copyOf(away);
        }
        for (Barcode barcode : named) {
            if (!away.contains(barcode)) {
                throw new Refused(RefusalCode.WRONG_STATE, barcode.value(), "NOT_AWAY_ON_ROTATION");
            }
        }
        return named;
    }

    RotationReturned returned(List<Barcode> barcodes, Instant now) {
        RotationReturned event = new RotationReturned(owner, rotationId, partner, barcodes, now);
        apply(event);
        return event;
    }

    @EventSourcingHandler
    void on(RotationSent event) {
        id = aggregateId(event.schoolId(), event.rotationId());
        owner = event.schoolId();
        rotationId = event.rotationId();
        partner = event.partnerSchoolId();
        away = new LinkedHashSet<>(event.barcodes());
    }

    @EventSourcingHandler
    void on(RotationReturned event) {
        event.barcodes().forEach(away::remove);
    }
}
