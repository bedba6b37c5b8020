package vn.motsach.events.stocktake;

import vn.motsach.events.SchoolEvent;

/** Events of a stocktake (kiểm kê): started with its scope, copies scanned on the shelves, closed. */
public sealed interface StocktakeEvent extends SchoolEvent permits StocktakeStarted, CopiesScanned, StocktakeClosed {
}
