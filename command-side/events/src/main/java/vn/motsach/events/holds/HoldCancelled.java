package vn.motsach.events.holds;

import java.time.Instant;
import vn.motsach.events.Barcode;
import vn.motsach.events.HoldId;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** A hold was cancelled; when its copy was on the hold shelf, {@code barcode} names it and the copy goes on (see the next event). */
@Revision("1")
public record HoldCancelled(
        SchoolId schoolId,
        HoldId holdId,
        TitleId titleId,
        PatronId patronId,
        Barcode barcode,
        Instant cancelledAt)
        implements HoldEvent {
}
