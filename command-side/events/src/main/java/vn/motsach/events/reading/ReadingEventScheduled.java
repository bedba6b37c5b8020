package vn.motsach.events.reading;

import java.time.LocalDate;
import java.util.List;
import vn.motsach.events.ClassId;
import vn.motsach.events.ReadingEventId;
import vn.motsach.events.ReadingEventKind;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** A reading event (such as Ngày Sách và Văn hóa đọc, 21/4) was scheduled for some classes. */
@Revision("1")
public record ReadingEventScheduled(
        SchoolId schoolId,
        ReadingEventId eventId,
        String name,
        ReadingEventKind kind,
        LocalDate startsOn,
        LocalDate endsOn,
        List<ClassId> classIds)
        implements ReadingCultureEvent {

    public ReadingEventScheduled {
        classIds = List.copyOf(classIds);
    }
}
