package vn.motsach.analytics.authorities;

import java.util.Set;
import java.util.TreeSet;

/** The schools an authority supervises now. */
public record AuthoritySchools(Set<String> schoolIds) {

    public AuthoritySchools {
        schoolIds = schoolIds == null ? Set.of() : new TreeSet<>(schoolIds);
    }

    AuthoritySchools with(String schoolId) {
        Set<String> updated = new TreeSet<>(schoolIds);
        updated.add(schoolId);
        return new AuthoritySchools(updated);
    }

    AuthoritySchools without(String schoolId) {
        Set<String> updated = new TreeSet<>(schoolIds);
        updated.remove(schoolId);
        return new AuthoritySchools(updated);
    }
}
