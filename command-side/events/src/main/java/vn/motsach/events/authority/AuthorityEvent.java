package vn.motsach.events.authority;

/**
 * Events of the tree of supervising authorities. They belong to no school, so they are stored,
 * not published on the schools' topic: the sides read the tree from the platform schema.
 */
public sealed interface AuthorityEvent permits AuthorityRegistered, AuthorityDetailsChanged {
}
