package vn.motsach.analytics.targets;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.TargetMetric;
import vn.motsach.events.TargetScope;

/** A school's targets with their progress on the day {@code on}. */
public record TargetsView(String schoolId, LocalDate on, List<TargetLine> items, @Nullable Instant asOf) {

    /** A target with its progress; the progress fields are null while no school year holds today. */
    public record TargetLine(String targetId, TargetMetric metric,
            @Schema(description = "Trường của câu trả lời số liệu mà giá trị mục tiêu đo (ví dụ readingMinutesPerStudent: "
                    + "phút đọc trường ghi nhận; selfReportedReadingMinutesPerStudent: phút tự khai ở nhà)",
                    allowableValues = {"loansPerStudent", "activeReaderRate", "readingMinutesPerStudent",
                        "selfReportedReadingMinutesPerStudent", "libraryPeriodsPerClass"}) String measuredBy,
            TargetScope scope, @Nullable String scopeId, MetricPeriod period, BigDecimal threshold, @Nullable LocalDate from,
            @Nullable LocalDate to, @Nullable BigDecimal value, @Nullable BigDecimal progress,
            @Nullable BigDecimal expectedProgress, @Nullable Boolean onTrack) {
    }

    /** One target as the list shows it, with the school and the day it was read on. */
    public record TargetView(String schoolId, LocalDate on, @JsonUnwrapped TargetLine target, @Nullable Instant asOf) {
    }
}
