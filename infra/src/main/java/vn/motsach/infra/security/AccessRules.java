package vn.motsach.infra.security;

import static vn.motsach.infra.security.Role.AUTHORITY_ADMIN;
import static vn.motsach.infra.security.Role.LIBRARIAN;
import static vn.motsach.infra.security.Role.SCHOOL_ADMIN;
import static vn.motsach.infra.security.Role.SYSTEM_ADMIN;
import static vn.motsach.infra.security.Role.TEACHER;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what: the one table of the API's access rules. Paths under
 * {@code /api/v1/schools/{schoolId}} belong to that school, paths under
 * {@code /api/v1/authorities/{authorityId}} to that authority; a rule with a class scope lets a
 * teacher through only for a class they teach. A route without a rule is closed (and a test
 * fails until it gets one).
 */
public final class AccessRules {

    private static final Set<Role> DESK = EnumSet.of(SCHOOL_ADMIN, LIBRARIAN);
    private static final Set<Role> SCHOOL_STAFF = EnumSet.of(SCHOOL_ADMIN, LIBRARIAN, TEACHER);

    private final List<Rule> rules = new ArrayList<>();

    public AccessRules() {
        open(HttpMethod.POST, "/api/v1/auth/token");

        school(HttpMethod.GET, "", SCHOOL_STAFF);
        school(HttpMethod.PUT, "", EnumSet.of(SCHOOL_ADMIN));
        school(HttpMethod.PUT, "/school-years/{schoolYear}", EnumSet.of(SCHOOL_ADMIN));
        school(HttpMethod.GET, "/school-years", SCHOOL_STAFF);
        school(HttpMethod.GET, "/school-years/{schoolYear}", SCHOOL_STAFF);
        school(HttpMethod.PUT, "/loan-policies/{category}", DESK);
        school(HttpMethod.GET, "/loan-policies", SCHOOL_STAFF);
        school(HttpMethod.GET, "/loan-policies/{category}", SCHOOL_STAFF);
        school(HttpMethod.PUT, "/classes/{classId}", DESK);
        school(HttpMethod.POST, "/classes/{classId}/closing", DESK);
        // a teacher sees their own classes in the list: the controller asks CurrentCaller
        school(HttpMethod.GET, "/classes", SCHOOL_STAFF);
        schoolClass(HttpMethod.GET, "/classes/{classId}");
        schoolClass(HttpMethod.GET, "/classes/{classId}/reading-metrics");
        school(HttpMethod.PUT, "/patrons/{patronId}", DESK);
        school(HttpMethod.POST, "/patrons/{patronId}/class-moves", DESK);
        school(HttpMethod.POST, "/patrons/{patronId}/departures", DESK);
        // a teacher lists their own classes' patrons only: the controller asks CurrentCaller
        school(HttpMethod.GET, "/patrons", SCHOOL_STAFF);
        school(HttpMethod.GET, "/patrons/{patronId}", DESK);
        school(HttpMethod.GET, "/patrons/{patronId}/loans", DESK);
        school(HttpMethod.POST, "/titles", DESK);
        school(HttpMethod.GET, "/titles", SCHOOL_STAFF);
        school(HttpMethod.GET, "/titles/{titleId}", SCHOOL_STAFF);
        school(HttpMethod.POST, "/copies", DESK);
        school(HttpMethod.GET, "/copies", SCHOOL_STAFF);
        school(HttpMethod.GET, "/copies/{barcode}", SCHOOL_STAFF);
        school(HttpMethod.POST, "/copies/{barcode}/withdrawal", DESK);
        school(HttpMethod.POST, "/checkouts", DESK);
        school(HttpMethod.POST, "/checkins", DESK);
        school(HttpMethod.POST, "/loans/{loanId}/renewals", DESK);
        school(HttpMethod.GET, "/loans", DESK);
        school(HttpMethod.GET, "/loans/{loanId}", DESK);
        school(HttpMethod.POST, "/holds", DESK);
        school(HttpMethod.GET, "/holds", DESK);
        school(HttpMethod.GET, "/holds/{holdId}", DESK);
        school(HttpMethod.DELETE, "/holds/{holdId}", DESK);
        school(HttpMethod.POST, "/reading-sessions", SCHOOL_STAFF);
        // the classes of these two are in the body: the controllers ask ClassScope
        school(HttpMethod.POST, "/library-periods", SCHOOL_STAFF);
        school(HttpMethod.POST, "/reading-events", SCHOOL_STAFF);
        // a teacher lists their own classes' periods, events and students' sessions: the controllers ask CurrentCaller
        school(HttpMethod.GET, "/library-periods", SCHOOL_STAFF);
        school(HttpMethod.GET, "/reading-events", SCHOOL_STAFF);
        school(HttpMethod.GET, "/patrons/{patronId}/reading-sessions", SCHOOL_STAFF);
        school(HttpMethod.GET, "/library-periods/{periodId}", SCHOOL_STAFF);
        school(HttpMethod.POST, "/reading-events/{eventId}/participations", SCHOOL_STAFF);
        school(HttpMethod.GET, "/reading-events/{eventId}/evaluation", SCHOOL_STAFF);
        school(HttpMethod.PUT, "/reading-targets/{targetId}", EnumSet.of(SCHOOL_ADMIN));
        school(HttpMethod.DELETE, "/reading-targets/{targetId}", EnumSet.of(SCHOOL_ADMIN));
        school(HttpMethod.GET, "/reading-targets", SCHOOL_STAFF);
        school(HttpMethod.GET, "/reading-targets/{targetId}", SCHOOL_STAFF);
        school(HttpMethod.GET, "/reading-metrics", DESK);
        school(HttpMethod.GET, "/audit", EnumSet.of(SCHOOL_ADMIN));
        school(HttpMethod.GET, "/accounts", EnumSet.of(SCHOOL_ADMIN));
        school(HttpMethod.PUT, "/accounts/{username}", EnumSet.of(SCHOOL_ADMIN));
        school(HttpMethod.GET, "/account-audit", EnumSet.of(SCHOOL_ADMIN));

        authority(HttpMethod.GET, "");
        authority(HttpMethod.GET, "/reading-metrics");
        authority(HttpMethod.GET, "/schools");

        system(HttpMethod.GET, "/api/v1/schools");
        system(HttpMethod.GET, "/api/v1/authorities");
        system(HttpMethod.GET, "/api/v1/accounts");
        system(HttpMethod.PUT, "/api/v1/accounts/{username}");
        system(HttpMethod.GET, "/api/v1/admin/**");
        system(HttpMethod.POST, "/api/v1/admin/**");
    }

    /** The rule for a request, if the API has one. */
    public Optional<Rule> ruleFor(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return rules.stream()
                .filter(rule -> rule.method().matches(method) && rule.pattern().matches(container))
                .findFirst();
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    private void open(HttpMethod method, String path) {
        rules.add(new Rule(method, parse(path), Kind.OPEN, Set.of(), false));
    }

    private void school(HttpMethod method, String path, Set<Role> roles) {
        rules.add(new Rule(method, parse("/api/v1/schools/{schoolId}" + path), Kind.SCHOOL, roles, false));
    }

    private void schoolClass(HttpMethod method, String path) {
        rules.add(new Rule(method, parse("/api/v1/schools/{schoolId}" + path), Kind.SCHOOL, SCHOOL_STAFF, true));
    }

    private void authority(HttpMethod method, String path) {
        rules.add(new Rule(method, parse("/api/v1/authorities/{authorityId}" + path), Kind.AUTHORITY,
                EnumSet.of(AUTHORITY_ADMIN), false));
    }

    private void system(HttpMethod method, String path) {
        rules.add(new Rule(method, parse(path), Kind.SYSTEM, EnumSet.of(SYSTEM_ADMIN), false));
    }

    private static PathPattern parse(String path) {
        return PathPatternParser.defaultInstance.parse(path);
    }

    /** What a rule guards: nothing, a school's data, an authority's, or the whole system. */
    public enum Kind {
        OPEN,
        SCHOOL,
        AUTHORITY,
        SYSTEM
    }

    /**
     * @param classScoped a teacher passes only for a class they teach ({@code {classId}} in the path)
     */
    public record Rule(HttpMethod method, PathPattern pattern, Kind kind, Set<Role> roles, boolean classScoped) {
    }
}
