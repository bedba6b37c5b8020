package vn.motsach.events.patron;

import java.time.LocalDate;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** A patron who had left was registered again and may borrow again. */
@Revision("1")
public record PatronRejoined(
        SchoolId schoolId,
        PatronId patronId,
        LocalDate rejoinedOn)
        implements PatronEvent {
}
