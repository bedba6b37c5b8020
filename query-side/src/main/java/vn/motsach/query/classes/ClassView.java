package vn.motsach.query.classes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.PatronCategory;

/**
 * A class with its roster on {@code on}: the active patrons whose membership covers that date;
 * {@code closedOn} once it is closed.
 */
record ClassView(String classId, String name, int grade, String schoolYear, @Nullable String homeroomTeacherId, LocalDate on,
        List<RosterEntryView> roster, @Nullable LocalDate closedOn) {

    record RosterEntryView(String patronId, String fullName, @Schema(implementation = PatronCategory.class) String category,
            LocalDate memberSince) {
    }
}
