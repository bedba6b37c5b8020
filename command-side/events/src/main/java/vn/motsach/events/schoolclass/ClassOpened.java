package vn.motsach.events.schoolclass;

import vn.motsach.events.ClassId;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;

/** A class of a school year was set up, such as 6A1 of 2025-2026. */
@Revision("1")
public record ClassOpened(
        SchoolId schoolId,
        ClassId classId,
        String name,
        int grade,
        SchoolYear schoolYear,
        PatronId homeroomTeacherId)
        implements SchoolClassEvent {
}
