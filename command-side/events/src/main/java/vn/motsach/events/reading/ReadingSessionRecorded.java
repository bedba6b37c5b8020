package vn.motsach.events.reading;

import java.time.Instant;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.ReadingPlace;
import vn.motsach.events.ReadingSessionId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;

/** A patron read for {@code minutes} from {@code startedAt}; {@code selfReported} for reading at home, which the school did not see. */
@Revision("1")
public record ReadingSessionRecorded(
        SchoolId schoolId,
        ReadingSessionId sessionId,
        PatronId patronId,
        PatronCategory patronCategory,
        ClassId classId,
        TitleId titleId,
        Instant startedAt,
        int minutes,
        ReadingPlace place,
        boolean selfReported)
        implements ReadingCultureEvent {
}
