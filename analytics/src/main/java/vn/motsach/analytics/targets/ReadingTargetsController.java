package vn.motsach.analytics.targets;

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
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;

@Tag(name = "reading-metrics", description = "Số liệu văn hoá đọc của lớp, trường, cơ quan quản lý")
@RestController
class ReadingTargetsController {

    private final TargetProgress progress;
    private final SchoolAnswers answers;

    ReadingTargetsController(ReadingMetrics metrics, SchoolAnswers answers) {
        this.progress = new TargetProgress(metrics);
        this.answers = answers;
    }

    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = AnswerShapes.Targets.class)))
    @Refusals(notFound = "SCHOOL_NOT_FOUND", unavailable = "METRICS_RESTORING")
    @Operation(summary = "Các mục tiêu văn hoá đọc của trường với tiến độ")
    @GetMapping("/api/v1/schools/{schoolId}/reading-targets")
    ResponseEntity<?> targets(@PathVariable String schoolId, HttpServletRequest request) {
        return answers.school(schoolId, request, visible -> progress.of(schoolId, visible));
    }

    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = AnswerShapes.Target.class)))
    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "READING_TARGET_NOT_FOUND"}, unavailable = "METRICS_RESTORING")
    @Operation(summary = "Một mục tiêu đọc với tiến độ hiện tại (One reading target with its progress)",
            description = "Giá trị của chỉ số trong kỳ hiện tại (value), tiến độ so với ngưỡng (progress) và có đúng tiến độ không (onTrack).")
    @GetMapping("/api/v1/schools/{schoolId}/reading-targets/{targetId}")
    ResponseEntity<?> target(@PathVariable String schoolId, @PathVariable String targetId, HttpServletRequest request) {
        return answers.about(schoolId, PathId.local("targetId", targetId), request, (id, visible) -> progress.one(schoolId, id, visible)
                .orElseThrow(() -> new Refused(RefusalCode.READING_TARGET_NOT_FOUND, id)));
    }
}
