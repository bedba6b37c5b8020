package vn.motsach.command.interop;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.motsach.command.execution.SchoolCommand;
import vn.motsach.command.school.SchoolRegistration;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.InteropGroupId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.interop.Sharing;

/**
 * Forms a liên thông group, or brings it up to date. {@code acrossAuthorities}: the caller (the
 * system's administrator) may gather schools of other authorities; an authority's administrator
 * groups only schools it supervises.
 */
record FormInteropGroup(InteropGroupId groupId, AuthorityId authorityId, String name, Sharing sharing,
        List<SchoolId> schoolIds, boolean acrossAuthorities) implements SchoolCommand<SchoolRegistration> {

    FormInteropGroup {
        schoolIds = List.copyOf(schoolIds);
    }

    /** A group is no one school's: the executor's check of a registered school does not apply, the desk checks every member. */
    @Override
    public SchoolId schoolId() {
        return schoolIds.get(0);
    }

    @Override
    public boolean needsRegisteredSchool() {
        return false;
    }

    @TargetAggregateIdentifier
    String aggregateId() {
        return InteropGroup.aggregateId(groupId);
    }
}
