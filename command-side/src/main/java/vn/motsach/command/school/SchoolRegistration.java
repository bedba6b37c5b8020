package vn.motsach.command.school;

/** What {@link RegisterSchool} did: the HTTP side answers 201 for a new school, 200 otherwise. */
enum SchoolRegistration {
    REGISTERED,
    CHANGED,
    UNCHANGED
}
