package vn.motsach.command.stocktaking;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.events.Barcode;
import vn.motsach.events.SchoolId;
import vn.motsach.events.StocktakeId;
import vn.motsach.events.stocktake.StocktakeResult;
import vn.motsach.events.stocktake.StocktakeScope;

/** The commands of a stocktake (kiểm kê). */
final class StocktakingCommands {

    private StocktakingCommands() {
    }

    record StartStocktake(SchoolId schoolId, StocktakeId stocktakeId, String name, StocktakeScope scope, Instant at)
            implements SchoolCommand<String> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return Stocktake.aggregateId(schoolId, stocktakeId);
        }
    }

    record ScanCopies(SchoolId schoolId, StocktakeId stocktakeId, List<Barcode> barcodes, Instant at)
            implements SchoolCommand<ScanResult> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return Stocktake.aggregateId(schoolId, stocktakeId);
        }
    }

    /** The close; {@code markMissingAsLost} reports each copy the stocktake misses lost with it. */
    record CloseStocktake(SchoolId schoolId, StocktakeId stocktakeId, boolean markMissingAsLost, Instant at)
            implements SchoolCommand<StocktakeResult> {

        @TargetAggregateIdentifier
        String aggregateId() {
            return Stocktake.aggregateId(schoolId, stocktakeId);
        }
    }

    /**
     * What a scanner's batch did: how many copies were found for the first time, the barcodes
     * that are no copy of the school, and those already scanned (before, or earlier in the batch).
     */
    record ScanResult(int scanned, List<String> unknown, List<String> alreadyScanned) {
    }
}
