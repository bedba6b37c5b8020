package vn.motsach.analytics.authorities;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.analytics.metrics.MetricsAnswers;
import vn.motsach.analytics.metrics.MetricsQuery;
import vn.motsach.analytics.metrics.ReadingMetrics;
import vn.motsach.analytics.roster.RosterTopology;
import vn.motsach.analytics.streams.InstanceRouter;
import vn.motsach.events.SchoolYear;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;

/**
 * An authority's reading metrics over the schools it covers in the period's school year, at any
 * depth of the tree: a school counts under the authority it reported to that year, so a school
 * moved since still counts where it was for its old years. Which schools those are, every
 * instance knows (global stores); each school's metrics live with the school, on whichever
 * instance owns its partition, and are asked there.
 */
@Tag(name = "reading-metrics", description = "Số liệu văn hoá đọc của lớp, trường, cơ quan quản lý")
@RestController
class AuthorityMetricsController {

    private final SupervisionStores supervision;
    private final InstanceRouter router;
    private final MetricsAnswers answers;
    private final ReadingMetrics metrics;

    AuthorityMetricsController(SupervisionStores supervision, InstanceRouter router, MetricsAnswers answers, ReadingMetrics metrics) {
        this.supervision = supervision;
        this.router = router;
        this.answers = answers;
        this.metrics = metrics;
    }

    @Refusals(notFound = "AUTHORITY_NOT_FOUND", unavailable = "METRICS_RESTORING")
    @Operation(summary = "Số liệu văn hoá đọc của một cơ quan quản lý và từng trường trực thuộc")
    @GetMapping("/api/v1/authorities/{authorityId}/reading-metrics")
    AuthorityMetricsView readingMetrics(AuthorityMetrics asked, HttpServletRequest request) {
        String authorityId = asked.authorityId();
        MetricsQuery query = asked.query().orOn(metrics.today());
        String language = request.getHeader("Accept-Language");
        // the school year of the period holding the day asked about
        List<String> schools = supervision.covered().of(authorityId, SchoolYear.holding(query.on()));
        if (schools.isEmpty()) {
            throw ApiProblem.notFound("AUTHORITY_NOT_FOUND", authorityId);
        }
        return AuthorityRollUp.of(authorityId, schools, query,
                (schoolId, asking) -> router.json(RosterTopology.SCHOOLS_STORE, schoolId,
                        "/api/v1/schools/" + schoolId + "/reading-metrics?period=" + asking.period() + "&on=" + asking.on(),
                        language, () -> answers.school(schoolId, asking.period(), asking.on())));
    }

    record AuthorityMetrics(String authorityId, MetricsQuery query) implements CheckedRequest {

        AuthorityMetrics(RequestValues in) {
            this(PathIds.authority(in), MetricsQuery.of(in));
        }
    }
}
