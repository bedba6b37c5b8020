package vn.motsach.events.stocktake;

import java.util.List;
import vn.motsach.events.Barcode;

/**
 * What a stocktake found, judged at its close: {@code expected} copies were in scope and in
 * circulation; of those not scanned, {@code onLoan} circulated during the stocktake (on loan,
 * lent or returned since it began, or kept on the hold shelf) and {@code missing} did not;
 * copies scanned but not expected were {@code outOfScope} or {@code notInCirculation}
 * (withdrawn or lost). Barcodes no copy carries are in the scans already.
 */
public record StocktakeResult(
        int expected,
        List<Barcode> missing,
        List<Barcode> onLoan,
        List<Barcode> outOfScope,
        List<Barcode> notInCirculation) {

    public StocktakeResult {
        missing = List.copyOf(missing);
        onLoan = List.copyOf(onLoan);
        outOfScope = List.copyOf(outOfScope);
        notInCirculation = List.copyOf(notInCirculation);
    }
}
