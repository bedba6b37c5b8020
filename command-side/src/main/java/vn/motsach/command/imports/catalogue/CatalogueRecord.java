package vn.motsach.command.imports.catalogue;

import java.util.List;
import vn.motsach.command.circulation.CatalogueCommandsForImports.OutOfCollection;

/**
 * A catalogue record as a file gives it, one title and its copies, every field still the file's
 * own text: {@link CatalogueApplier} checks and normalises them. A copy without a barcode only
 * carries what copies made from the barcode prefix take (price, date, source...).
 */
public record CatalogueRecord(String title, List<String> authors, String isbn, String publisher, String year,
        String classification, List<String> subjects, String docType, String language, String edition,
        String controlNumber, List<CopyEntry> copies) {

    public CatalogueRecord {
        authors = List.copyOf(authors);
        subjects = List.copyOf(subjects);
        copies = List.copyOf(copies);
    }

    /** {@code outOfCollection}: how the file says the copy left the collection (lost, withdrawn), null when it does not. */
    public record CopyEntry(String barcode, String callNumber, String acquiredOn, String price, String source,
            Boolean loanable, OutOfCollection outOfCollection) {

        public CopyEntry(String barcode, String callNumber, String acquiredOn, String price, String source, Boolean loanable) {
            this(barcode, callNumber, acquiredOn, price, source, loanable, null);
        }
    }
}
