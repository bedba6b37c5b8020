package vn.motsach.query.patrons;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A patron as a list shows them: their class and whether they are active today, without loans or holds. */
record PatronSummaryView(String patronId, String fullName, String category, @Nullable String classId, boolean active,
        LocalDate registeredOn) {
}
