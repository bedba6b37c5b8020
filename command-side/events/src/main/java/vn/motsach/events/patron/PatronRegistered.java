package vn.motsach.events.patron;

import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** A student, teacher or staff member became a patron; a student usually with a class. */
@Revision("1")
public record PatronRegistered(
        SchoolId schoolId,
        PatronId patronId,
        String fullName,
        PatronCategory category,
        ClassId classId)
        implements PatronEvent {
}
