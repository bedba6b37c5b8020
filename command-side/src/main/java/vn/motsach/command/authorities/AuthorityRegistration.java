package vn.motsach.command.authorities;

/** What registering an authority did: the HTTP side answers 201 for a new one, 200 otherwise. */
enum AuthorityRegistration {
    REGISTERED,
    CHANGED,
    UNCHANGED
}
