package vn.motsach.analytics.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.analytics.metrics.ReadingMetrics;
import vn.motsach.analytics.metrics.SchoolAnswers;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;

@Tag(name = "reading-metrics", description = "Số liệu văn hoá đọc của lớp, trường, cơ quan quản lý")
@RestController
class ReadingEventController {

    private final ReadingEventEvaluation evaluation;
    private final SchoolAnswers answers;

    ReadingEventController(ReadingMetrics metrics, SchoolAnswers answers) {
        this.evaluation = new ReadingEventEvaluation(metrics);
        this.answers = answers;
    }

    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "READING_EVENT_NOT_FOUND"}, unavailable = "METRICS_RESTORING")
    @Operation(summary = "Đánh giá một sự kiện đọc: tham gia và mức tăng so với những ngày học ngay trước")
    @GetMapping("/api/v1/schools/{schoolId}/reading-events/{eventId}/evaluation")
    ReadingEventEvaluationView evaluation(OneEvent asked, HttpServletRequest request) {
        return answers.owned(asked.schoolId(), request,
                visible -> evaluation.of(asked.schoolId(), asked.eventId().toString(), visible));
    }

    record OneEvent(String schoolId, UUID eventId) implements CheckedRequest {

        OneEvent(RequestValues in) {
            this(PathIds.school(in), PathIds.uuid(in, "eventId"));
        }
    }
}
