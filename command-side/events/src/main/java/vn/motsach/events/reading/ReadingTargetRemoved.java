package vn.motsach.events.reading;

import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** A school removed a reading target: it is no longer followed nor shown. Setting it again starts it afresh. */
@Revision("1")
public record ReadingTargetRemoved(
        SchoolId schoolId,
        String targetId)
        implements ReadingCultureEvent {
}
