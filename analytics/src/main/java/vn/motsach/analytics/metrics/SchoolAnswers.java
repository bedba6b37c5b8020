package vn.motsach.analytics.metrics;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.motsach.analytics.roster.RosterTopology;
import vn.motsach.analytics.streams.InstanceRouter;
import vn.motsach.events.LocalId;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.security.CurrentCaller;
import vn.motsach.infra.web.RequestCheck;

/**
 * How a school's evaluations and targets are asked for, the same way for every feature: the ids
 * of the path are checked together (one refusal naming every fault), then the instance that owns
 * the school answers, for the classes the caller may see, or its answer is relayed.
 */
@Component
public final class SchoolAnswers {

    private final InstanceRouter router;

    SchoolAnswers(InstanceRouter router) {
        this.router = router;
    }

    /** The answer about the whole school. */
    public ResponseEntity<?> school(String schoolId, HttpServletRequest request, Function<Predicate<String>, ?> local) {
        RequestCheck check = RequestCheck.of();
        check.matching("schoolId", schoolId, SchoolId.FORMAT);
        check.orRefuse();
        return owned(schoolId, request, local);
    }

    /** The answer about one thing of the school, named by {@code id} (as checked, canonical). */
    public ResponseEntity<?> about(String schoolId, PathId id, HttpServletRequest request,
            BiFunction<String, Predicate<String>, ?> local) {
        RequestCheck check = RequestCheck.of();
        check.matching("schoolId", schoolId, SchoolId.FORMAT);
        String checked = id.checked(check);
        check.orRefuse();
        return owned(schoolId, request, visible -> local.apply(checked, visible));
    }

    private ResponseEntity<?> owned(String schoolId, HttpServletRequest request, Function<Predicate<String>, ?> local) {
        Predicate<String> visible = CurrentCaller.visibleClasses();
        return router.answer(RosterTopology.SCHOOLS_STORE, schoolId, request, () -> local.apply(visible));
    }

    /** An id in the path, called {@code field} in a refusal. */
    public record PathId(String field, String value, boolean uuid) {

        /** An id the system gave out, read as a UUID and answered in its canonical form. */
        public static PathId uuid(String field, String value) {
            return new PathId(field, value, true);
        }

        /** An id a school chose ({@link LocalId#FORMAT}). */
        public static PathId local(String field, String value) {
            return new PathId(field, value, false);
        }

        String checked(RequestCheck check) {
            if (!uuid) {
                return check.matching(field, value, LocalId.FORMAT);
            }
            UUID id = check.converted(field, value, UUID::fromString);
            return id == null ? null : id.toString();
        }
    }
}
