package vn.motsach.events.holds;

import java.time.Instant;
import vn.motsach.events.ClassId;
import vn.motsach.events.HoldId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** A patron joined the queue of a title at {@code position} (1 = next). */
@Revision("1")
public record HoldPlaced(
        SchoolId schoolId,
        HoldId holdId,
        TitleId titleId,
        PatronId patronId,
        PatronCategory patronCategory,
        ClassId classId,
        Instant placedAt,
        int position)
        implements HoldEvent {
}
