package vn.motsach.command.interop;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import vn.motsach.command.school.SchoolRegistration;
import vn.motsach.command.school.SchoolSupervision;
import vn.motsach.infra.security.AuthorityLines;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolId;
import vn.motsach.events.interop.InteropGroupFormed;

/**
 * Forms and changes liên thông groups. Every member must be a registered school and, unless the
 * system's administrator forms the group, one the group's authority supervises; a school that is
 * not is answered as unknown, so that an authority learns nothing of another's schools. A group
 * stays with the authority that formed it: asked for under another, it does not exist.
 */
@Component
class InteropGroups {

    private final Repository<InteropGroup> groups;
    private final SchoolSupervision supervision;
    private final AuthorityLines lines;

    InteropGroups(Repository<InteropGroup> groups, SchoolSupervision supervision, AuthorityLines lines) {
        this.groups = groups;
        this.supervision = supervision;
        this.lines = lines;
    }

    @CommandHandler
    SchoolRegistration handle(FormInteropGroup command) throws Exception {
        for (SchoolId school : command.schoolIds()) {
            boolean known = supervision.authorityOf(school)
                    .map(authority -> command.acrossAuthorities() || isAtOrBelow(authority, command.authorityId()))
                    .orElse(command.acrossAuthorities() && supervision.isRegistered(school));
            if (!known) {
                throw new Refused(RefusalCode.SCHOOL_NOT_FOUND, school.value());
            }
        }
        Aggregate<InteropGroup> group;
        try {
            group = groups.load(InteropGroup.aggregateId(command.groupId()));
        } catch (AggregateNotFoundException e) {
            groups.newInstance(() -> new InteropGroup(new InteropGroupFormed(command.groupId(), command.authorityId(),
                    command.name(), command.sharing(), command.schoolIds())));
            return SchoolRegistration.REGISTERED;
        }
        if (!command.authorityId().equals(group.invoke(InteropGroup::authorityId))) {
            throw new Refused(RefusalCode.INTEROP_GROUP_NOT_FOUND, command.groupId().value());
        }
        return group.invoke(g -> g.describe(command));
    }

    /** A province's Sở groups the schools of its commune offices too: any school at or below it in the tree. */
    private boolean isAtOrBelow(AuthorityId schoolsAuthority, AuthorityId groupsAuthority) {
        return schoolsAuthority.equals(groupsAuthority) || lines.lineOf(schoolsAuthority.value())
                .map(line -> line.contains(groupsAuthority.value()))
                .orElse(false);
    }
}
