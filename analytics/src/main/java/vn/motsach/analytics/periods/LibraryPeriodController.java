package vn.motsach.analytics.periods;

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
class LibraryPeriodController {

    private final LibraryPeriodEvaluation evaluation;
    private final SchoolAnswers answers;

    LibraryPeriodController(ReadingMetrics metrics, SchoolAnswers answers) {
        this.evaluation = new LibraryPeriodEvaluation(metrics);
        this.answers = answers;
    }

    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "LIBRARY_PERIOD_NOT_FOUND"}, unavailable = "METRICS_RESTORING")
    @Operation(summary = "Đánh giá một giờ đọc thư viện: có mặt, mượn và phút đọc trong ngày")
    @GetMapping("/api/v1/schools/{schoolId}/library-periods/{periodId}")
    LibraryPeriodEvaluationView period(OnePeriod asked, HttpServletRequest request) {
        return answers.owned(asked.schoolId(), request,
                visible -> evaluation.of(asked.schoolId(), asked.periodId().toString(), visible));
    }

    record OnePeriod(String schoolId, UUID periodId) implements CheckedRequest {

        OnePeriod(RequestValues in) {
            this(PathIds.school(in), PathIds.uuid(in, "periodId"));
        }
    }
}
