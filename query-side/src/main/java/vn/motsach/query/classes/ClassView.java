package vn.motsach.query.classes;

import java.time.LocalDate;
import java.util.List;

/**
 * A class with its roster on {@code on}: the active patrons whose membership covers that date;
 * {@code closedOn} once it is closed.
 */
record ClassView(String classId, String name, int grade, String schoolYear, String homeroomTeacherId, LocalDate on,
        List<RosterEntryView> roster, LocalDate closedOn) {

    record RosterEntryView(String patronId, String fullName, String category, LocalDate memberSince) {
    }
}
