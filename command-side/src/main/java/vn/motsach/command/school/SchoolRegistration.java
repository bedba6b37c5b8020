package vn.motsach.command.school;

/** What a create-or-update command did: the HTTP side answers 201 for a new thing, 200 otherwise. */
public enum SchoolRegistration {
    REGISTERED,
    CHANGED,
    UNCHANGED
}
