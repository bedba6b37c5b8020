package vn.motsach.query.interop;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One work in a group's union catalogue, described as its first holding catalogues it, with each
 * member library's holding. {@code availableCopies} only where the group shares availability.
 */
record UnionTitleView(String title, List<String> authors, @Nullable String isbn, @Nullable String publisher,
        @Nullable Integer publishedYear, String docType, List<Holding> holdings) {

    /** A school's holding of the work; {@code titleId} is that school's own. */
    record Holding(String schoolId, String schoolName, String titleId, int totalCopies, @Nullable Integer availableCopies) {
    }
}
