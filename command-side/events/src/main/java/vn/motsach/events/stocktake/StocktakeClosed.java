package vn.motsach.events.stocktake;

import java.time.Instant;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.StocktakeId;

/** A stocktake ended: no more scans; its findings are judged as they stood at {@code closedAt}. */
@Revision("1")
public record StocktakeClosed(
        SchoolId schoolId,
        StocktakeId stocktakeId,
        Instant closedAt)
        implements StocktakeEvent {
}
