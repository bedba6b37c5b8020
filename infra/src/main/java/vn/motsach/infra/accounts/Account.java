package vn.motsach.infra.accounts;

import java.util.Set;
import vn.motsach.infra.security.Caller;
import vn.motsach.infra.security.Role;

/**
 * An account as stored: the password only as its BCrypt hash.
 *
 * @param tokenVersion the version its tokens must carry; the store moves it on, never a caller
 */
record Account(String username, String passwordHash, Set<Role> roles, String schoolId, String authorityId, Set<String> classIds,
        boolean enabled, long tokenVersion) {

    Account {
        roles = Set.copyOf(roles);
        classIds = Set.copyOf(classIds);
    }

    /** An account as a request describes it, before it is stored. */
    Account(String username, String passwordHash, Set<Role> roles, String schoolId, String authorityId, Set<String> classIds,
            boolean enabled) {
        this(username, passwordHash, roles, schoolId, authorityId, classIds, enabled, 0);
    }

    Caller caller() {
        return new Caller(username, roles, schoolId, authorityId, classIds);
    }
}
