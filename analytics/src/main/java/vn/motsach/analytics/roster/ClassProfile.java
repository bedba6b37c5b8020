package vn.motsach.analytics.roster;

/** A class of a school year, such as 6A1 of 2025-2026 in grade 6. */
public record ClassProfile(String classId, String name, int grade, String schoolYear) {
}
