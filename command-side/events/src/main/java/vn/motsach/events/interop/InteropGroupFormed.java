package vn.motsach.events.interop;

import java.util.List;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.InteropGroupId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** An authority's (or the system's) administrator formed a group of schools sharing at a level. */
@Revision("1")
public record InteropGroupFormed(InteropGroupId groupId, AuthorityId authorityId, String name, Sharing sharing,
        List<SchoolId> schoolIds) implements InteropGroupEvent {

    public InteropGroupFormed {
        schoolIds = List.copyOf(schoolIds);
    }
}
