package vn.motsach.infra.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import vn.motsach.infra.security.AccessRules.Kind;
import vn.motsach.infra.security.AccessRules.Rule;

/**
 * Applies {@link AccessRules} to every request under {@code /api/v1}: the right role, the
 * caller's own school, or authority and every authority below it at any depth (anything else is
 * answered as if it did not exist), and a teacher's own classes.
 */
final class ApiAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final AccessRules rules;
    private final AuthorityLines authorities;

    ApiAccess(AccessRules rules, AuthorityLines authorities) {
        this.rules = rules;
        this.authorities = authorities;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        String path = context.getRequest().getRequestURI().substring(context.getRequest().getContextPath().length());
        Optional<Rule> rule = rules.ruleFor(context.getRequest().getMethod(), path);
        if (rule.isEmpty() && authentication.get() instanceof CallerAuthentication) {
            // a route taken with other methods: which ones is no secret of any school (the API's description says it)
            Set<HttpMethod> allowed = rules.methodsAt(path);
            if (!allowed.isEmpty()) {
                throw new MethodNotAllowed(allowed);
            }
        }
        if (rule.isEmpty()) {
            // no such route: nothing there for a signed-in caller; without a token, sign in first
            if (authentication.get() instanceof CallerAuthentication) {
                throw new NotFoundForCaller();
            }
            return new AuthorizationDecision(false);
        }
        if (rule.get().kind() == Kind.OPEN) {
            return new AuthorizationDecision(true);
        }
        if (!(authentication.get() instanceof CallerAuthentication authenticated)) {
            return new AuthorizationDecision(false);
        }
        Caller caller = authenticated.caller();
        if (caller.isSystemAdmin()) {
            return new AuthorizationDecision(true);
        }
        Map<String, String> variables = rule.get().pattern().matchAndExtract(PathContainer.parsePath(path)).getUriVariables();
        if (rule.get().kind() == Kind.SCHOOL && !variables.get("schoolId").equals(caller.schoolId())) {
            throw new NotFoundForCaller();
        }
        if (rule.get().kind() == Kind.AUTHORITY && !isWithin(variables.get("authorityId"), caller.authorityId())) {
            throw new NotFoundForCaller();
        }
        if (rule.get().kind() == Kind.AUTHORITY_BELOW && !isBelowOrNew(variables.get("authorityId"), caller.authorityId())) {
            throw new NotFoundForCaller();
        }
        if (caller.roles().stream().noneMatch(rule.get().roles()::contains)) {
            return new AuthorizationDecision(false);
        }
        if (rule.get().classScoped() && !ClassScope.allows(caller, variables.get("classId"))) {
            throw new NotYourClass(variables.get("classId"));
        }
        return new AuthorizationDecision(true);
    }

    /** Whether {@code authority} is the caller's own or below it at any depth. */
    private boolean isWithin(String authority, String callers) {
        return callers != null && (authority.equals(callers)
                || authorities.lineOf(authority).map(line -> line.contains(callers)).orElse(false));
    }

    /** Whether {@code authority} is strictly below the caller's, or one the tree does not know yet (its place is checked where it is set). */
    private boolean isBelowOrNew(String authority, String callers) {
        return callers != null && !authority.equals(callers)
                && authorities.lineOf(authority).map(line -> line.contains(callers)).orElse(true);
    }

    /** Another school's (or authority's) resource: answered 404, so its existence does not leak. */
    static final class NotFoundForCaller extends AccessDeniedException {

        private static final long serialVersionUID = 1L;

        NotFoundForCaller() {
            super("not found");
        }
    }

    /** A route that exists, called with a method it does not take: answered 405 with the methods it takes. */
    static final class MethodNotAllowed extends AccessDeniedException {

        private static final long serialVersionUID = 1L;

        private final transient Set<HttpMethod> allowed;

        MethodNotAllowed(Set<HttpMethod> allowed) {
            super("method not allowed");
            this.allowed = Set.copyOf(allowed);
        }

        /** The {@code Allow} header's value: the methods, in a stable order. */
        String allow() {
            return String.join(", ", allowed.stream().map(HttpMethod::name).sorted().toList());
        }
    }

    static final class NotYourClass extends AccessDeniedException {

        private static final long serialVersionUID = 1L;

        private final String classId;

        NotYourClass(String classId) {
            super("not your class");
            this.classId = classId;
        }

        String classId() {
            return classId;
        }
    }
}
