package vn.motsach.events.desk;

import java.time.Instant;
import vn.motsach.events.CarriesPersonalData;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;

/**
 * The librarian settled an exception of the offline desk: what was done ({@code action}) and why
 * ({@code note}, free text that may name people, so it is not published).
 */
@Revision("1")
public record DeskExceptionSettled(
        SchoolId schoolId,
        DeskExceptionId exceptionId,
        String action,
        String note,
        Instant settledAt)
        implements DeskEvent, CarriesPersonalData {

    @Override
    public SchoolEvent withoutPersonalData() {
        return new DeskExceptionSettled(schoolId, exceptionId, action, null, settledAt);
    }
}
