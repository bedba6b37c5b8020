package vn.motsach.events.stocktake;

import java.time.Instant;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.StocktakeId;

/** A stocktake began: from now on the copies found on the shelves are scanned against it. */
@Revision("1")
public record StocktakeStarted(
        SchoolId schoolId,
        StocktakeId stocktakeId,
        String name,
        StocktakeScope scope,
        Instant startedAt)
        implements StocktakeEvent {
}
