package vn.motsach.query.stocktaking;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stocktake's findings: {@code expected} copies in scope and in circulation, {@code scanned}
 * copies of the school read by the scanners, {@code found} the expected ones among them;
 * {@code onLoan} the expected copies not scanned that circulated (were on loan, lent or returned)
 * during the stocktake, kept apart from the {@code missing} ones; {@code unexpected} what was
 * scanned but not expected (out of scope, withdrawn or lost, or no copy of the school at all);
 * {@code missingMarkedLost} when the close reported the missing copies lost.
 */
record StocktakeView(UUID stocktakeId, String name, @Schema(allowableValues = {"OPEN", "CLOSED"}) String status,
        ScopeView scope, Instant startedAt, @Nullable Instant closedAt, int expected, int scanned, int found, int onLoan,
        List<CopyLine> missing, List<CopyLine> onLoanCopies, List<UnexpectedLine> unexpected, boolean missingMarkedLost) {

    record ScopeView(List<String> docTypes, @Nullable String classificationPrefix) {
    }

    record CopyLine(String barcode, String title) {
    }

    record UnexpectedLine(String barcode, @Nullable String title,
            @Schema(allowableValues = {"OUT_OF_SCOPE", "NOT_IN_CIRCULATION", "UNKNOWN"}) String reason) {
    }
}
