package vn.motsach.infra.security;

import java.util.Set;

/**
 * Who is calling, as their token says: the account, its roles, and the school, authority and
 * classes it is bound to.
 */
public record Caller(String username, Set<Role> roles, String schoolId, String authorityId, Set<String> classIds) {

    public Caller {
        roles = Set.copyOf(roles);
        classIds = Set.copyOf(classIds);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isSystemAdmin() {
        return is(Role.SYSTEM_ADMIN);
    }
}
