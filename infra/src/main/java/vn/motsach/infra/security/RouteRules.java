package vn.motsach.infra.security;

import static vn.motsach.infra.security.Role.AUTHORITY_ADMIN;
import static vn.motsach.infra.security.Role.LIBRARIAN;
import static vn.motsach.infra.security.Role.SCHOOL_ADMIN;
import static vn.motsach.infra.security.Role.SYSTEM_ADMIN;
import static vn.motsach.infra.security.Role.TEACHER;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import vn.motsach.infra.security.AccessRules.Kind;
import vn.motsach.infra.security.AccessRules.Rule;

/**
 * The access rules of one side's routes, declared by the side that serves them (a bean of this
 * type); {@link AccessRules} combines every such bean and checks requests against them. Paths
 * given to {@link Builder#school} are under {@code /api/v1/schools/{schoolId}}, those given to
 * {@link Builder#authority} under {@code /api/v1/authorities/{authorityId}}.
 */
public final class RouteRules {

    /** The desk: who lends, returns and keeps the catalogue and the roll. */
    public static final Set<Role> DESK = Collections.unmodifiableSet(EnumSet.of(SCHOOL_ADMIN, LIBRARIAN));
    /** Everyone working in a school. */
    public static final Set<Role> SCHOOL_STAFF = Collections.unmodifiableSet(EnumSet.of(SCHOOL_ADMIN, LIBRARIAN, TEACHER));
    /** Everyone working in a school, and the administrators of authorities. */
    public static final Set<Role> STAFF_AND_AUTHORITIES = Collections.unmodifiableSet(
            EnumSet.of(SCHOOL_ADMIN, LIBRARIAN, TEACHER, AUTHORITY_ADMIN));
    public static final Set<Role> ONLY_SCHOOL_ADMIN = Collections.unmodifiableSet(EnumSet.of(SCHOOL_ADMIN));

    private static final String SCHOOL = "/api/v1/schools/{schoolId}";
    private static final String AUTHORITY = "/api/v1/authorities/{authorityId}";

    private final List<Rule> rules;

    private RouteRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    List<Rule> rules() {
        return rules;
    }

    public static final class Builder {

        private final List<Rule> rules = new ArrayList<>();

        private Builder() {
        }

        /** Anyone, without a token. */
        public Builder open(HttpMethod method, String path) {
            return add(new Rule(method, parse(path), Kind.OPEN, Set.of(), false));
        }

        /** A school's data, for these roles of that school. */
        public Builder school(HttpMethod method, String path, Set<Role> roles) {
            return add(new Rule(method, parse(SCHOOL + path), Kind.SCHOOL, roles, false));
        }

        /** A class's data ({@code {classId}} in the path): the school's staff, a teacher only for a class they teach. */
        public Builder schoolClass(HttpMethod method, String path) {
            return add(new Rule(method, parse(SCHOOL + path), Kind.SCHOOL, SCHOOL_STAFF, true));
        }

        /** An authority's data, for that authority's administrators and those of every authority above it. */
        public Builder authority(HttpMethod method, String path) {
            return add(new Rule(method, parse(AUTHORITY + path), Kind.AUTHORITY, EnumSet.of(AUTHORITY_ADMIN), false));
        }

        /**
         * An authority of the tree, set up by the system's administrators, and by an authority's
         * administrators for authorities below their own (or new ones, placed where the handler checks).
         */
        public Builder authorityBelow(HttpMethod method, String path) {
            return add(new Rule(method, parse(AUTHORITY + path), Kind.AUTHORITY_BELOW, EnumSet.of(AUTHORITY_ADMIN), false));
        }

        /**
         * Data several schools share (a liên thông group's): any signed-in caller with one of these
         * roles passes, and the handler, which knows who the members are, answers 404 to anyone else.
         */
        public Builder members(HttpMethod method, String path, Set<Role> roles) {
            return add(new Rule(method, parse(path), Kind.MEMBERS, roles, false));
        }

        /** The whole system, for its administrators only. */
        public Builder system(HttpMethod method, String path) {
            return add(new Rule(method, parse(path), Kind.SYSTEM, EnumSet.of(SYSTEM_ADMIN), false));
        }

        public RouteRules build() {
            return new RouteRules(rules);
        }

        private Builder add(Rule rule) {
            rules.add(rule);
            return this;
        }

        private static PathPattern parse(String path) {
            return PathPatternParser.defaultInstance.parse(path);
        }
    }
}
