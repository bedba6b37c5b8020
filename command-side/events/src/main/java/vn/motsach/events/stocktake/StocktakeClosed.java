package vn.motsach.events.stocktake;

import java.time.Instant;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.StocktakeId;

/**
 * A stocktake ended: no more scans; its {@code findings} are as they stood at {@code closedAt}
 * and stay so, whatever becomes of the copies after; {@code missingMarkedLost} when the missing
 * copies were reported lost with the close. Both came later, without a new revision: events
 * stored before read them as {@code null} and {@code false}, and are judged when read.
 */
@Revision("1")
public record StocktakeClosed(
        SchoolId schoolId,
        StocktakeId stocktakeId,
        Instant closedAt,
        StocktakeResult findings,
        boolean missingMarkedLost)
        implements StocktakeEvent {

    /** A close without findings, as stocktakes were closed before the command side judged them. */
    public StocktakeClosed(SchoolId schoolId, StocktakeId stocktakeId, Instant closedAt) {
        this(schoolId, stocktakeId, closedAt, null, false);
    }
}
