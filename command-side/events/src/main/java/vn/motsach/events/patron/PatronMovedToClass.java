package vn.motsach.events.patron;

import java.time.LocalDate;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** A patron moved class from a date on. Loans before that date stay loans of the old class. */
@Revision("1")
public record PatronMovedToClass(
        SchoolId schoolId,
        PatronId patronId,
        ClassId fromClassId,
        ClassId toClassId,
        LocalDate effectiveOn)
        implements PatronEvent {
}
