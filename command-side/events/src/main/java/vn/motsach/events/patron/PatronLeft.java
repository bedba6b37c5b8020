package vn.motsach.events.patron;

import java.time.LocalDate;
import vn.motsach.events.DepartureReason;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** A patron left the school (graduated, transferred): inactive from then on, history kept. */
@Revision("1")
public record PatronLeft(
        SchoolId schoolId,
        PatronId patronId,
        DepartureReason reason,
        LocalDate leftOn)
        implements PatronEvent {
}
