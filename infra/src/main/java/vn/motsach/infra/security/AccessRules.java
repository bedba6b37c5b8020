package vn.motsach.infra.security;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Who may call what: the API's access rules, combined from the {@link RouteRules} each side
 * declares for its own routes. Paths under {@code /api/v1/schools/{schoolId}} belong to that
 * school, paths under {@code /api/v1/authorities/{authorityId}} to that authority; a rule with a
 * class scope lets a teacher through only for a class they teach. A route without a rule is
 * closed (and a test fails until it gets one).
 * <p>
 * When several rules match a request, the most specific pattern decides (as Spring MVC picks a
 * handler), so the answer does not depend on the order the sides' rules were found in; a route
 * declared twice is refused at start-up, so no two sides can decide the same route.
 */
public final class AccessRules {

    private final List<Rule> rules;

    public AccessRules(List<RouteRules> declared) {
        List<Rule> combined = declared.stream().flatMap(routes -> routes.rules().stream()).toList();
        Set<String> seen = new HashSet<>();
        for (Rule rule : combined) {
            if (!seen.add(rule.method().name() + " " + rule.pattern().getPatternString())) {
                throw new IllegalStateException("Two access rules for " + rule.method() + " " + rule.pattern());
            }
        }
        this.rules = combined;
    }

    /** The rule for a request, if the API has one; a HEAD is a GET without its body (RFC 9110), decided as the GET. */
    public Optional<Rule> ruleFor(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        String decidedAs = HttpMethod.HEAD.matches(method) ? HttpMethod.GET.name() : method;
        return rules.stream()
                .filter(rule -> rule.method().matches(decidedAs) && rule.pattern().matches(container))
                .min(Comparator.comparing(Rule::pattern, PathPattern.SPECIFICITY_COMPARATOR));
    }

    /**
     * The methods the API takes at a path, whatever the method of the request: empty when there is
     * no such route, so that a route called with another method is told which ones it takes (405)
     * rather than that it does not exist.
     */
    public Set<HttpMethod> methodsAt(String path) {
        PathContainer container = PathContainer.parsePath(path);
        Set<HttpMethod> methods = new java.util.TreeSet<>(Comparator.comparing(HttpMethod::name));
        rules.stream().filter(rule -> rule.pattern().matches(container)).forEach(rule -> methods.add(rule.method()));
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        if (!methods.isEmpty()) {
            // answered for every route before access is decided (CORS preflight)
            methods.add(HttpMethod.OPTIONS);
        }
        return methods;
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    /**
     * What a rule guards: nothing, a school's data, an authority's (that authority's and those
     * above it), an authority placed below the caller's ({@code AUTHORITY_BELOW}: one strictly
     * below, or one not in the tree yet), data several schools share (whose handler checks
     * membership), or the whole system.
     */
    public enum Kind {
        OPEN,
        SCHOOL,
        AUTHORITY,
        AUTHORITY_BELOW,
        MEMBERS,
        SYSTEM
    }

    /**
     * @param classScoped a teacher passes only for a class they teach ({@code {classId}} in the path)
     */
    public record Rule(HttpMethod method, PathPattern pattern, Kind kind, Set<Role> roles, boolean classScoped) {
    }
}
