package vn.motsach.query.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.DocType;

/** A title as the OPAC lists it, with how many of its copies are on the shelf. */
record TitleView(UUID titleId, String title, List<String> authors, @Nullable String isbn, @Nullable String publisher,
        @Nullable Integer publishedYear, @Nullable String classification, @Schema(implementation = DocType.class) String docType,
        List<String> subjects, @Nullable String language,
        int availableCopies, int totalCopies) {
}
