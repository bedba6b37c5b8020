package vn.motsach.query.stocktaking;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stocktake in the list: its name, status and how many copies its scanners read. */
record StocktakeSummaryView(UUID stocktakeId, String name, @Schema(allowableValues = {"OPEN", "CLOSED"}) String status,
        Instant startedAt, @Nullable Instant closedAt, int scanned) {
}
