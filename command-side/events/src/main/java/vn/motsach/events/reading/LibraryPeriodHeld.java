package vn.motsach.events.reading;

import java.time.LocalDate;
import java.util.List;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronId;
import vn.motsach.events.PeriodActivity;
import vn.motsach.events.PeriodId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** A class had a library period (tiết đọc thư viện); {@code enrolledStudents} is the class roster on that day, the denominator of its attendance rate. */
@Revision("1")
public record LibraryPeriodHeld(
        SchoolId schoolId,
        PeriodId periodId,
        ClassId classId,
        LocalDate heldOn,
        PeriodActivity activity,
        List<PatronId> attendeeIds,
        int enrolledStudents,
        PatronId teacherId,
        String note)
        implements ReadingCultureEvent {

    public LibraryPeriodHeld {
        attendeeIds = List.copyOf(attendeeIds);
    }
}
