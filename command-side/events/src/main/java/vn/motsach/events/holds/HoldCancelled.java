package vn.motsach.events.holds;

import java.time.Instant;
import vn.motsach.events.Barcode;
import vn.motsach.events.HoldCancelReason;
import vn.motsach.events.HoldId;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/**
 * A hold was cancelled; when its copy was on the hold shelf, {@code barcode} names it and the copy goes on (see the next event).
 * {@code reason} came later: a cancellation stored without one was asked for.
 */
@Revision("1")
public record HoldCancelled(
        SchoolId schoolId,
        HoldId holdId,
        TitleId titleId,
        PatronId patronId,
        Barcode barcode,
        Instant cancelledAt,
        HoldCancelReason reason)
        implements HoldEvent {

    public HoldCancelled {
        reason = reason == null ? HoldCancelReason.REQUESTED : reason;
    }

    /** A cancellation asked for. */
    public HoldCancelled(SchoolId schoolId, HoldId holdId, TitleId titleId, PatronId patronId, Barcode barcode,
            Instant cancelledAt) {
        this(schoolId, holdId, titleId, patronId, barcode, cancelledAt, HoldCancelReason.REQUESTED);
    }
}
