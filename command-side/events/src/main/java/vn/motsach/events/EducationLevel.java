package vn.motsach.events;

/** Cấp học: mầm non, tiểu học, THCS, THPT. A multi-level school has several. */
public enum EducationLevel {
    PRESCHOOL,
    PRIMARY,
    LOWER_SECONDARY,
    UPPER_SECONDARY
}
