package vn.motsach.events.authority;

import vn.motsach.events.AuthorityId;

/** An authority's place in the tree as the tree's topic carries it: its newest state, under its id. */
public record AuthorityNode(AuthorityId authorityId, String name, AuthorityKind kind, AuthorityId parentId) {

    public static AuthorityNode of(AuthorityEvent event) {
        if (event instanceof AuthorityRegistered registered) {
            return new AuthorityNode(registered.authorityId(), registered.name(), registered.kind(), registered.parentId());
        }
        AuthorityDetailsChanged changed = (AuthorityDetailsChanged) event;
        return new AuthorityNode(changed.authorityId(), changed.name(), changed.kind(), changed.parentId());
    }
}
