package vn.motsach.command.circulation;

import java.time.LocalDate;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.SchoolId;

/**
 * How long a copy waits on the hold shelf: the last day its patron can collect it, that many
 * open days of the school after today as the patron's loan policy says. The desk answers it from
 * the lookup tables; a title asks it only when a copy actually goes to the hold shelf.
 */
interface HoldShelf {

    LocalDate pickupBy(SchoolId school, PatronCategory category, LocalDate today);
}
