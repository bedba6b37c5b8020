package vn.motsach.events.interop;

import java.util.List;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.InteropGroupId;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;

/** A group's name, level of sharing or members changed: the whole group as it is now. */
@Revision("1")
public record InteropGroupChanged(InteropGroupId groupId, AuthorityId authorityId, String name, Sharing sharing,
        List<SchoolId> schoolIds) implements InteropGroupEvent {

    public InteropGroupChanged {
        schoolIds = List.copyOf(schoolIds);
    }
}
