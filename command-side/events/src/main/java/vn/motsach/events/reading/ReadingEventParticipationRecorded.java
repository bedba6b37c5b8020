package vn.motsach.events.reading;

import java.time.LocalDate;
import java.util.List;
import vn.motsach.events.ReadingEventId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** Patrons took part in a reading event; only patrons not recorded before are listed. */
@Revision("1")
public record ReadingEventParticipationRecorded(
        SchoolId schoolId,
        ReadingEventId eventId,
        LocalDate recordedOn,
        List<Participant> participants)
        implements ReadingCultureEvent {

    public ReadingEventParticipationRecorded {
        participants = List.copyOf(participants);
    }
}
