package vn.motsach.analytics.periods;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.analytics.metrics.AnswerShapes;
import vn.motsach.analytics.metrics.ReadingMetrics;
import vn.motsach.analytics.metrics.SchoolAnswers;
import vn.motsach.analytics.metrics.SchoolAnswers.PathId;
import vn.motsach.infra.apidocs.Refusals;

@Tag(name = "reading-metrics", description = "Số liệu văn hoá đọc của lớp, trường, cơ quan quản lý")
@RestController
class LibraryPeriodController {

    private final LibraryPeriodEvaluation evaluation;
    private final SchoolAnswers answers;

    LibraryPeriodController(ReadingMetrics metrics, SchoolAnswers answers) {
        this.evaluation = new LibraryPeriodEvaluation(metrics);
        this.answers = answers;
    }

    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = AnswerShapes.LibraryPeriodEvaluation.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "LIBRARY_PERIOD_NOT_FOUND"}, unavailable = "METRICS_RESTORING")
    @Operation(summary = "Đánh giá một giờ đọc thư viện: có mặt, mượn và phút đọc trong ngày")
    @GetMapping("/api/v1/schools/{schoolId}/library-periods/{periodId}")
    ResponseEntity<?> period(@PathVariable String schoolId, @PathVariable String periodId, HttpServletRequest request) {
        return answers.about(schoolId, PathId.uuid("periodId", periodId), request,
                (id, visible) -> evaluation.of(schoolId, id, visible));
    }
}
