package vn.motsach.events.holds;

import java.time.LocalDate;
import vn.motsach.events.Barcode;
import vn.motsach.events.HoldId;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** Nobody collected the copy by {@code pickupBy}; the copy goes to the next patron waiting or back to the shelf. */
@Revision("1")
public record HoldExpired(
        SchoolId schoolId,
        HoldId holdId,
        TitleId titleId,
        PatronId patronId,
        Barcode barcode,
        LocalDate pickupBy)
        implements HoldEvent {
}
