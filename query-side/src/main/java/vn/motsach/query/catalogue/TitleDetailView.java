package vn.motsach.query.catalogue;

import java.util.List;
import java.util.UUID;

/** A title with each of its copies and the copy's status. */
record TitleDetailView(UUID titleId, String title, List<String> authors, String isbn, String publisher,
        Integer publishedYear, String classification, String docType, List<String> subjects, String language,
        int availableCopies, int totalCopies, List<TitleCopyView> copies) {

    /** One copy of the title: {@code status} is AVAILABLE, ON_LOAN, ON_HOLD_SHELF or WITHDRAWN. */
    record TitleCopyView(String barcode, String status, boolean loanable) {
    }
}
