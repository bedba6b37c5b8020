package vn.motsach.events.authority;

import vn.motsach.events.AuthorityId;
import vn.motsach.events.Revision;

/** An authority joined the tree; {@code parentId} is absent for one at the top (a province's Sở). */
@Revision("1")
public record AuthorityRegistered(AuthorityId authorityId, String name, AuthorityKind kind, AuthorityId parentId)
        implements AuthorityEvent {
}
