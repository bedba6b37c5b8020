package vn.motsach.query.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.DocType;

/** A title with each of its copies and the copy's status. */
record TitleDetailView(UUID titleId, String title, List<String> authors, @Nullable String isbn, @Nullable String publisher,
        @Nullable Integer publishedYear, @Nullable String classification, @Schema(implementation = DocType.class) String docType,
        List<String> subjects, @Nullable String language,
        int availableCopies, int totalCopies, List<TitleCopyView> copies) {

    /** One copy of the title: {@code status} is AVAILABLE, ON_LOAN, ON_HOLD_SHELF, WITHDRAWN or LOST. */
    record TitleCopyView(String barcode, @Schema(allowableValues = {"AVAILABLE", "ON_LOAN", "ON_HOLD_SHELF", "IN_TRANSIT", "AT_PARTNER", "WITHDRAWN", "LOST"})
            String status, boolean loanable) {
    }
}
