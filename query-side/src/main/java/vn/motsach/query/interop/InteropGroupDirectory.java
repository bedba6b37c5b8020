package vn.motsach.query.interop;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.interop.Sharing;
import vn.motsach.infra.security.AuthorityLines;
import vn.motsach.infra.security.Caller;
import vn.motsach.infra.security.CurrentCaller;
import vn.motsach.infra.security.Role;

/**
 * Liên thông groups as their members and their authority see them. Who sees a group is decided
 * here, in one place: the system's administrators, the administrators of the group's authority or
 * of any authority above it in the tree (a province's Sở sees its commune offices' groups, as it
 * lists them), and the staff of its member schools. Anyone else is told it does not exist.
 */
@Component
class InteropGroupDirectory {

    private final JdbcClient jdbc;
    private final AuthorityLines authorities;

    InteropGroupDirectory(JdbcClient jdbc, AuthorityLines authorities) {
        this.jdbc = jdbc;
        this.authorities = authorities;
    }

    /** The group, when the caller may see it. */
    Optional<InteropGroupView> visible(String groupId) {
        return group(groupId).filter(this::visibleToCaller);
    }

    List<InteropGroupView> ofSchool(String schoolId) {
        return groups("g.group_id in (select m.group_id from qs_interop_member m where m.school_id = :id)", schoolId);
    }

    List<InteropGroupView> ofAuthority(String authorityId) {
        return groups("g.authority_id = :id", authorityId);
    }

    private Optional<InteropGroupView> group(String groupId) {
        return groups("g.group_id = :id", groupId).stream().findFirst();
    }

    private List<InteropGroupView> groups(String condition, String id) {
        return jdbc.sql("""
                        select g.group_id, g.authority_id, g.name, g.sharing,
                               array_agg(m.school_id order by m.school_id) as school_ids,
                               array_agg(coalesce(s.name, m.school_id) order by m.school_id) as school_names
                        from qs_interop_group g
                        join qs_interop_member m on m.group_id = g.group_id
                        left join qs_school s on s.school_id = m.school_id
                        where %s
                        group by g.group_id order by g.name, g.group_id""".formatted(condition))
                .param("id", id)
                .query((rs, row) -> {
                    String[] ids = (String[]) rs.getArray("school_ids").getArray();
                    String[] names = (String[]) rs.getArray("school_names").getArray();
                    List<InteropGroupView.Member> members = new java.util.ArrayList<>(ids.length);
                    for (int i = 0; i < ids.length; i++) {
                        members.add(new InteropGroupView.Member(ids[i], names[i]));
                    }
                    return new InteropGroupView(rs.getString("group_id"), rs.getString("authority_id"), rs.getString("name"),
                            Sharing.valueOf(rs.getString("sharing")), members);
                })
                .list();
    }

    /** With no caller (no request, no security) nothing is hidden, as with the other scoped reads. */
    private boolean visibleToCaller(InteropGroupView group) {
        return CurrentCaller.get().map(caller -> sees(caller, group)).orElse(true);
    }

    private boolean sees(Caller caller, InteropGroupView group) {
        if (caller.isSystemAdmin()) {
            return true;
        }
        if (caller.is(Role.AUTHORITY_ADMIN) && caller.authorityId() != null && isAtOrAbove(caller.authorityId(), group.authorityId())) {
            return true;
        }
        return caller.schoolId() != null && group.schools().stream().anyMatch(member -> member.schoolId().equals(caller.schoolId()));
    }

    /** The caller's authority is the group's or one above it, as the access rules let it reach the group's authority's paths. */
    private boolean isAtOrAbove(String callersAuthority, String groupsAuthority) {
        return callersAuthority.equals(groupsAuthority)
                || authorities.lineOf(groupsAuthority).map(line -> line.contains(callersAuthority)).orElse(false);
    }
}
