package vn.motsach.events.schoolclass;

import vn.motsach.events.ClassId;
import vn.motsach.events.PatronId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;

/** A class's name, grade, year or homeroom teacher changed; carries the whole new state. */
@Revision("1")
public record ClassDetailsChanged(
        SchoolId schoolId,
        ClassId classId,
        String name,
        int grade,
        SchoolYear schoolYear,
        PatronId homeroomTeacherId)
        implements SchoolClassEvent {
}
