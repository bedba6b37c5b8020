package vn.motsach.events.reading;

import vn.motsach.events.SchoolEvent;

/** Events of reading culture: sessions, library periods, reading events and the targets a school sets. */
public sealed interface ReadingCultureEvent extends SchoolEvent permits ReadingSessionRecorded, LibraryPeriodHeld,
        ReadingEventScheduled, ReadingEventParticipationRecorded, ReadingTargetSet, ReadingTargetRemoved {
}
