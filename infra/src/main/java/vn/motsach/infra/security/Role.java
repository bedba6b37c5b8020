package vn.motsach.infra.security;

/**
 * What an account may do. A school's roles are bound to that school; an authority
 * administrator to an authority (a province's Sở GD&ĐT or a commune's office).
 */
public enum Role {
    /** Circulation, catalogue and patrons of their school. */
    LIBRARIAN,
    /** Their classes' metrics and rosters, library periods and reading events of their classes, the catalogue. */
    TEACHER,
    /** Everything of their school: set-up, targets, accounts, audit. */
    SCHOOL_ADMIN,
    /** Aggregate metrics of the schools under their authority, never a student's identity. */
    AUTHORITY_ADMIN,
    /** Everything, everywhere. */
    SYSTEM_ADMIN
}
