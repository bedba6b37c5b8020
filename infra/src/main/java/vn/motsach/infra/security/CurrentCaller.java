package vn.motsach.infra.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.motsach.infra.web.ApiProblem;

/** The caller of the request being handled, for the few decisions a path cannot show. */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    public static Optional<Caller> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }

    /**
     * The classes whose data the caller may see: all of them, but for a teacher limited to their
     * classes. Taken on the request's thread, so an answer computed on another thread (analytics
     * computes its answers on threads of their own) can still filter by it; with no caller (no
     * request, no security) nothing is hidden, as with {@link #requireClasses(Collection)}.
     */
    public static Predicate<String> visibleClasses() {
        return ownClassesOnly()
                .<Predicate<String>>map(classes -> classId -> classId != null && classes.contains(classId))
                .orElse(classId -> true);
    }

    /**
     * A teacher records activities only for the classes they teach; this is the same rule the
     * access table applies to a {@code {classId}} in a path, for classes named in a request body.
     */
    public static void requireClasses(Collection<String> classIds) {
        requireClasses(() -> classIds);
    }

    /** The same, for classes that take a lookup to find: looked up only for a teacher limited to their classes. */
    public static void requireClasses(Supplier<? extends Collection<String>> classIds) {
        get().filter(ClassScope::limitedToOwnClasses).ifPresent(caller -> classIds.get().stream()
                .filter(classId -> !caller.classIds().contains(classId))
                .findFirst()
                .ifPresent(classId -> {
                    throw new ApiProblem(HttpStatus.FORBIDDEN, "NOT_YOUR_CLASS", classId);
                }));
    }

    /**
     * The classes a list may show the caller: a teacher limited to their classes sees theirs
     * only (empty when they teach none); anyone else gets nothing here and sees the whole school.
     */
    public static Optional<Set<String>> ownClassesOnly() {
        return get().filter(ClassScope::limitedToOwnClasses).map(Caller::classIds);
    }
}
