package vn.motsach.analytics.authorities;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.analytics.metrics.AnswerShapes;
import vn.motsach.analytics.metrics.MetricsAnswers;
import vn.motsach.analytics.metrics.MetricsQuery;
import vn.motsach.analytics.metrics.ReadingMetrics;
import vn.motsach.analytics.roster.RosterTopology;
import vn.motsach.analytics.streams.InstanceRouter;
import vn.motsach.analytics.streams.StreamsRunner;
import vn.motsach.events.AuthorityId;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.RequestCheck;

/**
 * An authority's reading metrics over its schools. The list of schools lives with the
 * authority (repartitioned by authority id); each school's metrics live with the school, on
 * whichever instance owns its partition, and are asked there.
 */
@Tag(name = "reading-metrics", description = "Số liệu văn hoá đọc của lớp, trường, cơ quan quản lý")
@RestController
class AuthorityMetricsController {

    private final StreamsRunner streams;
    private final InstanceRouter router;
    private final MetricsAnswers answers;
    private final ReadingMetrics metrics;

    AuthorityMetricsController(StreamsRunner streams, InstanceRouter router, MetricsAnswers answers, ReadingMetrics metrics) {
        this.streams = streams;
        this.router = router;
        this.answers = answers;
        this.metrics = metrics;
    }

    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = AnswerShapes.AuthorityMetrics.class)))
    @Refusals(notFound = "AUTHORITY_NOT_FOUND", unavailable = "METRICS_RESTORING")
    @Operation(summary = "Số liệu văn hoá đọc của một cơ quan quản lý và từng trường trực thuộc")
    @GetMapping("/api/v1/authorities/{authorityId}/reading-metrics")
    ResponseEntity<?> readingMetrics(@PathVariable String authorityId, @RequestParam(required = false) String period,
            @RequestParam(required = false) String on, HttpServletRequest request) {
        RequestCheck check = RequestCheck.of();
        check.matching("authorityId", authorityId, AuthorityId.FORMAT);
        MetricsQuery query = MetricsQuery.of(check, period, on, metrics.today());
        check.orRefuse();
        String language = request.getHeader("Accept-Language");
        return router.answer(SchoolsPerAuthorityTopology.AUTHORITY_SCHOOLS_STORE, authorityId, request, () -> {
            AuthoritySchools schools = streams.store(SchoolsPerAuthorityTopology.AUTHORITY_SCHOOLS_STORE,
                    org.apache.kafka.streams.state.QueryableStoreTypes.<String, AuthoritySchools>keyValueStore()).get(authorityId);
            if (schools == null) {
                throw ApiProblem.notFound("AUTHORITY_NOT_FOUND", authorityId);
            }
            return AuthorityRollUp.of(authorityId, List.copyOf(schools.schoolIds()), query,
                    (schoolId, asked) -> router.json(RosterTopology.SCHOOLS_STORE, schoolId,
                            "/api/v1/schools/" + schoolId + "/reading-metrics?period=" + asked.period() + "&on=" + asked.on(),
                            language, () -> answers.school(schoolId, asked.period(), asked.on())));
        });
    }
}
