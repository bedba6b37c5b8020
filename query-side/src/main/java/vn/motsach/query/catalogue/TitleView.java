package vn.motsach.query.catalogue;

import java.util.List;
import java.util.UUID;

/** A title as the OPAC lists it, with how many of its copies are on the shelf. */
record TitleView(UUID titleId, String title, List<String> authors, String isbn, String publisher,
        Integer publishedYear, String classification, String docType, List<String> subjects, String language,
        int availableCopies, int totalCopies) {
}
