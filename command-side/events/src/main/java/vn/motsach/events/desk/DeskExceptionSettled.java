package vn.motsach.events.desk;

import java.time.Instant;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** The librarian settled an exception of the offline desk: what was done ({@code action}) and why. */
@Revision("1")
public record DeskExceptionSettled(
        SchoolId schoolId,
        DeskExceptionId exceptionId,
        String action,
        String note,
        Instant settledAt)
        implements DeskEvent {
}
