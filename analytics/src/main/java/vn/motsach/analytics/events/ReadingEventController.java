package vn.motsach.analytics.events;

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
class ReadingEventController {

    private final ReadingEventEvaluation evaluation;
    private final SchoolAnswers answers;

    ReadingEventController(ReadingMetrics metrics, SchoolAnswers answers) {
        this.evaluation = new ReadingEventEvaluation(metrics);
        this.answers = answers;
    }

    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = AnswerShapes.ReadingEventEvaluation.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "READING_EVENT_NOT_FOUND"}, unavailable = "METRICS_RESTORING")
    @Operation(summary = "Đánh giá một sự kiện đọc: tham gia và mức tăng so với những ngày học ngay trước")
    @GetMapping("/api/v1/schools/{schoolId}/reading-events/{eventId}/evaluation")
    ResponseEntity<?> evaluation(@PathVariable String schoolId, @PathVariable String eventId, HttpServletRequest request) {
        return answers.about(schoolId, PathId.uuid("eventId", eventId), request,
                (id, visible) -> evaluation.of(schoolId, id, visible));
    }
}
