package vn.motsach.analytics.targets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.analytics.metrics.ReadingMetrics;
import vn.motsach.analytics.metrics.SchoolAnswers;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;

@Tag(name = "reading-metrics", description = "Số liệu văn hoá đọc của lớp, trường, cơ quan quản lý")
@RestController
class ReadingTargetsController {

    private final TargetProgress progress;
    private final SchoolAnswers answers;

    ReadingTargetsController(ReadingMetrics metrics, SchoolAnswers answers) {
        this.progress = new TargetProgress(metrics);
        this.answers = answers;
    }

    @Refusals(notFound = "SCHOOL_NOT_FOUND", unavailable = "METRICS_RESTORING")
    @Operation(summary = "Các mục tiêu văn hoá đọc của trường với tiến độ")
    @GetMapping("/api/v1/schools/{schoolId}/reading-targets")
    TargetsView targets(SchoolTargets asked, HttpServletRequest request) {
        return answers.owned(asked.schoolId(), request, visible -> progress.of(asked.schoolId(), visible));
    }

    @Refusals(notFound = {"SCHOOL_NOT_FOUND", "READING_TARGET_NOT_FOUND"}, unavailable = "METRICS_RESTORING")
    @Operation(summary = "Một mục tiêu đọc với tiến độ hiện tại (One reading target with its progress)",
            description = "Giá trị của chỉ số trong kỳ hiện tại (value), tiến độ so với ngưỡng (progress) và có đúng tiến độ không (onTrack).")
    @GetMapping("/api/v1/schools/{schoolId}/reading-targets/{targetId}")
    TargetsView.TargetView target(OneTarget asked, HttpServletRequest request) {
        return answers.owned(asked.schoolId(), request, visible -> progress.one(asked.schoolId(), asked.targetId(), visible)
                .orElseThrow(() -> new Refused(RefusalCode.READING_TARGET_NOT_FOUND, asked.targetId())));
    }

    record SchoolTargets(String schoolId) implements CheckedRequest {

        SchoolTargets(RequestValues in) {
            this(PathIds.school(in));
        }
    }

    record OneTarget(String schoolId, String targetId) implements CheckedRequest {

        OneTarget(RequestValues in) {
            this(PathIds.school(in), PathIds.local(in, "targetId"));
        }
    }
}
