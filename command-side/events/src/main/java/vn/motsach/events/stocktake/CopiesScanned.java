package vn.motsach.events.stocktake;

import java.time.Instant;
import java.util.List;
import vn.motsach.events.Barcode;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.StocktakeId;

/**
 * A batch of a handheld scanner: {@code barcodes} are the school's copies found for the first
 * time in this stocktake, {@code unknown} the barcodes read that no copy of the school carries
 * (each listed once per stocktake).
 */
@Revision("1")
public record CopiesScanned(
        SchoolId schoolId,
        StocktakeId stocktakeId,
        Instant scannedAt,
        List<Barcode> barcodes,
        List<Barcode> unknown)
        implements StocktakeEvent {

    public CopiesScanned {
        barcodes = List.copyOf(barcodes);
        unknown = List.copyOf(unknown);
    }
}
