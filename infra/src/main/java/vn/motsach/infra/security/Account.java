package vn.motsach.infra.security;

import java.util.Set;

/** An account as stored: the password only as its BCrypt hash. */
record Account(String username, String passwordHash, Set<Role> roles, String schoolId, String authorityId, Set<String> classIds,
        boolean enabled) {

    Account {
        roles = Set.copyOf(roles);
        classIds = Set.copyOf(classIds);
    }

    Caller caller() {
        return new Caller(username, roles, schoolId, authorityId, classIds);
    }
}
