package vn.motsach.events.schoolclass;

import java.time.LocalDate;
import vn.motsach.events.ClassId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/**
 * A class was closed (its school year is over, or it was merged into another): from
 * {@code closedOn} it takes no new member and no new library period. Its history stays.
 */
@Revision("1")
public record ClassClosed(
        SchoolId schoolId,
        ClassId classId,
        LocalDate closedOn)
        implements SchoolClassEvent {
}
