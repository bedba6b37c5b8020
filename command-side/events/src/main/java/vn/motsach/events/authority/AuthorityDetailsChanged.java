package vn.motsach.events.authority;

import vn.motsach.events.AuthorityId;
import vn.motsach.events.Revision;

/** An authority's name, kind or place in the tree changed. Carries the whole new state. */
@Revision("1")
public record AuthorityDetailsChanged(AuthorityId authorityId, String name, AuthorityKind kind, AuthorityId parentId)
        implements AuthorityEvent {
}
