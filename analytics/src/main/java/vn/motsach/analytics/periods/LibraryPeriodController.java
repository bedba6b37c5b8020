package vn.motsach.analytics.periods;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.analytics.metrics.ReadingMetrics;
import vn.motsach.analytics.roster.RosterTopology;
import vn.motsach.analytics.streams.InstanceRouter;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.security.CurrentCaller;
import vn.motsach.infra.web.RequestCheck;

@RestController
class LibraryPeriodController {

    private final LibraryPeriodEvaluation evaluation;
    private final InstanceRouter router;

    LibraryPeriodController(ReadingMetrics metrics, InstanceRouter router) {
        this.evaluation = new LibraryPeriodEvaluation(metrics);
        this.router = router;
    }

    @GetMapping("/api/v1/schools/{schoolId}/library-periods/{periodId}")
    ResponseEntity<?> period(@PathVariable String schoolId, @PathVariable String periodId, HttpServletRequest request) {
        RequestCheck check = RequestCheck.of();
        check.matching("schoolId", schoolId, SchoolId.FORMAT);
        UUID id = check.converted("periodId", periodId, UUID::fromString);
        check.orRefuse();
        Predicate<String> visible = CurrentCaller.visibleClasses();
        return router.answer(RosterTopology.SCHOOLS_STORE, schoolId, request, () -> evaluation.of(schoolId, id.toString(), visible));
    }
}
