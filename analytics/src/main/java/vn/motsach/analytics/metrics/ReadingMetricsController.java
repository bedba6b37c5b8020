package vn.motsach.analytics.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.analytics.roster.RosterTopology;
import vn.motsach.analytics.streams.InstanceRouter;
import vn.motsach.events.LocalId;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.RequestCheck;

/** A school's and a class's reading-culture metrics for a period, from whichever instance owns the school. */
@Tag(name = "reading-metrics", description = "Số liệu văn hoá đọc của lớp, trường, cơ quan quản lý")
@RestController
class ReadingMetricsController {

    private final MetricsAnswers answers;
    private final ReadingMetrics metrics;
    private final InstanceRouter router;

    ReadingMetricsController(MetricsAnswers answers, ReadingMetrics metrics, InstanceRouter router) {
        this.answers = answers;
        this.metrics = metrics;
        this.router = router;
    }

    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = AnswerShapes.SchoolMetrics.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "PERIOD_NOT_SCHEDULED"}, unavailable = "METRICS_RESTORING")
    @Operation(summary = "Số liệu văn hoá đọc của trường và từng lớp trong kỳ chứa một ngày")
    @GetMapping("/api/v1/schools/{schoolId}/reading-metrics")
    ResponseEntity<?> school(@PathVariable String schoolId, @RequestParam(required = false) String period,
            @RequestParam(required = false) String on, HttpServletRequest request) {
        RequestCheck check = RequestCheck.of();
        check.matching("schoolId", schoolId, SchoolId.FORMAT);
        MetricsQuery query = MetricsQuery.of(check, period, on, metrics.today());
        check.orRefuse();
        return router.answer(RosterTopology.SCHOOLS_STORE, schoolId, request,
                () -> answers.school(schoolId, query.period(), query.on()));
    }

    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = AnswerShapes.ClassMetrics.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "CLASS_NOT_FOUND", "PERIOD_NOT_SCHEDULED"}, unavailable = "METRICS_RESTORING")
    @Operation(summary = "Số liệu văn hoá đọc của một lớp và từng học sinh trong kỳ chứa một ngày")
    @GetMapping("/api/v1/schools/{schoolId}/classes/{classId}/reading-metrics")
    ResponseEntity<?> ofClass(@PathVariable String schoolId, @PathVariable String classId,
            @RequestParam(required = false) String period, @RequestParam(required = false) String on,
            HttpServletRequest request) {
        RequestCheck check = RequestCheck.of();
        check.matching("schoolId", schoolId, SchoolId.FORMAT);
        check.matching("classId", classId, LocalId.FORMAT);
        MetricsQuery query = MetricsQuery.of(check, period, on, metrics.today());
        check.orRefuse();
        return router.answer(RosterTopology.SCHOOLS_STORE, schoolId, request,
                () -> answers.ofClass(schoolId, classId, query.period(), query.on()));
    }
}
