package vn.motsach.events.holds;

import java.time.Instant;
import java.time.LocalDate;
import vn.motsach.events.Barcode;
import vn.motsach.events.HoldId;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** A copy waits on the hold shelf for the patron until the end of {@code pickupBy}. */
@Revision("1")
public record HoldReadyForPickup(
        SchoolId schoolId,
        HoldId holdId,
        TitleId titleId,
        PatronId patronId,
        Barcode barcode,
        Instant readyAt,
        LocalDate pickupBy)
        implements HoldEvent {
}
