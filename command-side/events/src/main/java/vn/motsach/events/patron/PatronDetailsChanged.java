package vn.motsach.events.patron;

import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** A patron's name or category changed (the class changes by a class move). */
@Revision("1")
public record PatronDetailsChanged(
        SchoolId schoolId,
        PatronId patronId,
        String fullName,
        PatronCategory category)
        implements PatronEvent {
}
