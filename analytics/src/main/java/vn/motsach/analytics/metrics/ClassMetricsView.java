package vn.motsach.analytics.metrics;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.motsach.analytics.metrics.SchoolPeriod.StudentLine;
import vn.motsach.events.MetricPeriod;

/** A class's metrics for a period, with each of its students'. */
public record ClassMetricsView(String classId, MetricPeriod period, LocalDate from, LocalDate to, String schoolId,
        @Nullable String name, @Nullable Integer grade, @JsonUnwrapped MetricValues metrics, List<StudentLine> students) {
}
