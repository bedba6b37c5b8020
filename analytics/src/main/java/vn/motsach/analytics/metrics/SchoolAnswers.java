package vn.motsach.analytics.metrics;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import vn.motsach.analytics.roster.RosterTopology;
import vn.motsach.analytics.streams.InstanceRouter;
import vn.motsach.infra.security.CurrentCaller;

/**
 * How a school's evaluations and targets are answered, the same way for every feature: by the
 * instance that owns the school, for the classes the caller may see, or its answer relayed.
 */
@Component
public final class SchoolAnswers {

    private final InstanceRouter router;

    SchoolAnswers(InstanceRouter router) {
        this.router = router;
    }

    /** {@code local}'s answer for the classes the caller may see, from whichever instance owns {@code schoolId}. */
    public <T> T owned(String schoolId, HttpServletRequest request, Function<Predicate<String>, T> local) {
        Predicate<String> visible = CurrentCaller.visibleClasses();
        return router.answer(RosterTopology.SCHOOLS_STORE, schoolId, request, () -> local.apply(visible));
    }
}
