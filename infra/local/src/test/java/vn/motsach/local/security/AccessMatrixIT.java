package vn.motsach.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.motsach.infra.security.AccessRules;
import vn.motsach.infra.security.Role;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.TestTokens;

/**
 * The access table, checked against the running application's own route list: every route has
 * a rule, and for every route, role and school (own or other) the answer is the one the rule
 * promises. A new endpoint without a rule fails here.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixIT {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final String OWN = "th-own";
    private static final String OTHER = "th-other";
    private static final String OWN_AUTHORITY = "xa-own";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AccessRules rules;

    static List<Route> routes;

    @BeforeAll
    static void clear() {
        routes = null;
    }

    @Test
    void everyRouteHasARule() {
        List<String> missing = routes().stream()
                .filter(route -> rules.ruleFor(route.method(), route.example(OWN, OWN_AUTHORITY)).isEmpty())
                .map(Route::toString)
                .toList();
        assertThat(missing).as("routes under /api/v1 without an access rule").isEmpty();
        assertThat(routes()).hasSizeGreaterThan(30);
    }

    @Test
    void everyRouteAnswersEachRoleAsItsRuleSays() {
        ApiClient api = new ApiClient(port);
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            AccessRules.Rule rule = rules.ruleFor(route.method(), route.example(OWN, OWN_AUTHORITY)).orElseThrow();
            if (rule.kind() == AccessRules.Kind.OPEN) {
                continue;
            }
            expect(wrong, route, "no token", api.as(null), OWN, OWN_AUTHORITY, Outcome.UNAUTHENTICATED);
            for (Role role : List.of(Role.LIBRARIAN, Role.TEACHER, Role.SCHOOL_ADMIN)) {
                ApiClient caller = api.as(TestTokens.ofSchool("matrix-" + role.name().toLowerCase(), role.name(), OWN, "5a4"));
                Outcome own = switch (rule.kind()) {
                    case SCHOOL -> rule.roles().contains(role) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
                    case AUTHORITY -> Outcome.NOT_FOUND;
                    default -> Outcome.FORBIDDEN;
                };
                expect(wrong, route, role + " of own school", caller, OWN, OWN_AUTHORITY, own);
                if (rule.kind() == AccessRules.Kind.SCHOOL) {
                    expect(wrong, route, role + " of another school", caller, OTHER, OWN_AUTHORITY, Outcome.NOT_FOUND);
                }
            }
            ApiClient authority = api.as(TestTokens.ofAuthority("matrix-authority", OWN_AUTHORITY));
            Outcome forAuthority = switch (rule.kind()) {
                case AUTHORITY -> Outcome.ALLOWED;
                case SCHOOL -> Outcome.NOT_FOUND;
                default -> Outcome.FORBIDDEN;
            };
            expect(wrong, route, "authority admin", authority, OWN, OWN_AUTHORITY, forAuthority);
            if (rule.kind() == AccessRules.Kind.AUTHORITY) {
                expect(wrong, route, "authority admin of another authority", authority, OWN, "xa-other", Outcome.NOT_FOUND);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void expect(List<String> wrong, Route route, String who, ApiClient caller, String school, String authorityId,
            Outcome expected) {
        ApiClient.Answer answer = route.call(caller, school, authorityId);
        Outcome actual = Outcome.of(answer);
        if (actual != expected) {
            wrong.add(route + " as " + who + ": expected " + expected + ", got " + answer.status() + " " + answer.body());
        }
    }

    private List<Route> routes() {
        if (routes == null) {
            Set<Route> found = new TreeSet<>();
            mappings.getHandlerMethods().keySet().forEach(info -> {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                    if (pattern.startsWith("/api/v1/")) {
                        for (RequestMethod method : methods) {
                            found.add(new Route(method.name(), pattern));
                        }
                    }
                }
            });
            routes = List.copyOf(found);
        }
        return routes;
    }

    enum Outcome {
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        ALLOWED;

        /** What the security layer said; anything it let through counts as allowed, whatever the endpoint then did. */
        static Outcome of(ApiClient.Answer answer) {
            String code = answer.body() == null || answer.body().isBlank() ? "" : answer.text("code");
            if (answer.status() == 401) {
                return UNAUTHENTICATED;
            }
            if (answer.status() == 403 && ("FORBIDDEN".equals(code) || "NOT_YOUR_CLASS".equals(code))) {
                return FORBIDDEN;
            }
            if (answer.status() == 404 && "NOT_FOUND".equals(code)) {
                return NOT_FOUND;
            }
            return ALLOWED;
        }
    }

    record Route(String method, String pattern) implements Comparable<Route> {

        private static final Map<String, String> SAMPLES = Map.of(
                "classId", "5a4", "patronId", "hs-an", "barcode", "B-1", "category", "STUDENT",
                "schoolYear", "2026-2027", "username", "someone", "targetId", "t-1");

        String example(String school, String authority) {
            Matcher matcher = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                String value = switch (name) {
                    case "schoolId" -> school;
                    case "authorityId" -> authority;
                    default -> SAMPLES.getOrDefault(name, UUID.nameUUIDFromBytes(name.getBytes()).toString());
                };
                matcher.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(path);
            return path.toString().replace("/**", "/x");
        }

        ApiClient.Answer call(ApiClient caller, String school, String authority) {
            String path = example(school, authority);
            return switch (method) {
                case "GET" -> caller.get(path);
                case "POST" -> caller.post(path, "{}");
                case "PUT" -> caller.put(path, "{}");
                case "DELETE" -> caller.delete(path);
                default -> throw new IllegalStateException(method);
            };
        }

        @Override
        public int compareTo(Route other) {
            return (pattern + method).compareTo(other.pattern + other.method);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }
}
