package vn.motsach.analytics.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.analytics.roster.RosterTopology;
import vn.motsach.analytics.streams.InstanceRouter;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;

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

    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "PERIOD_NOT_SCHEDULED"}, unavailable = "METRICS_RESTORING")
    @Operation(summary = "Số liệu văn hoá đọc của trường và từng lớp trong kỳ chứa một ngày")
    @GetMapping("/api/v1/schools/{schoolId}/reading-metrics")
    SchoolMetricsView school(SchoolMetrics asked, HttpServletRequest request) {
        MetricsQuery query = asked.query().orOn(metrics.today());
        return router.answer(RosterTopology.SCHOOLS_STORE, asked.schoolId(), request,
                () -> answers.school(asked.schoolId(), query.period(), query.on()));
    }

    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "CLASS_NOT_FOUND", "PERIOD_NOT_SCHEDULED"}, unavailable = "METRICS_RESTORING")
    @Operation(summary = "Số liệu văn hoá đọc của một lớp và từng học sinh trong kỳ chứa một ngày")
    @GetMapping("/api/v1/schools/{schoolId}/classes/{classId}/reading-metrics")
    ClassMetricsView ofClass(ClassMetrics asked, HttpServletRequest request) {
        MetricsQuery query = asked.query().orOn(metrics.today());
        return router.answer(RosterTopology.SCHOOLS_STORE, asked.schoolId(), request,
                () -> answers.ofClass(asked.schoolId(), asked.classId(), query.period(), query.on()));
    }

    record SchoolMetrics(String schoolId, MetricsQuery query) implements CheckedRequest {

        SchoolMetrics(RequestValues in) {
            this(PathIds.school(in), MetricsQuery.of(in));
        }
    }

    record ClassMetrics(String schoolId, String classId, MetricsQuery query) implements CheckedRequest {

        ClassMetrics(RequestValues in) {
            this(PathIds.school(in), PathIds.local(in, "classId"), MetricsQuery.of(in));
        }
    }
}
