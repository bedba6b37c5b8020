package vn.motsach.query.classes;

import java.time.LocalDate;
import java.util.List;

/** A class with its roster on {@code on}: the active patrons whose membership covers that date. */
record ClassView(String classId, String name, int grade, String schoolYear, String homeroomTeacherId, LocalDate on,
        List<RosterEntryView> roster) {

    record RosterEntryView(String patronId, String fullName, String category, LocalDate memberSince) {
    }
}
