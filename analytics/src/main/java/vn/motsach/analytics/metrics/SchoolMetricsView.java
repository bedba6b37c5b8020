package vn.motsach.analytics.metrics;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.motsach.events.MetricPeriod;

/** A school's metrics for a period, with each class's: no student is named at this level. */
public record SchoolMetricsView(String schoolId, MetricPeriod period, LocalDate from, LocalDate to, String name,
        @Nullable String authorityId, @JsonUnwrapped MetricValues metrics, List<ClassLine> classes) {

    public record ClassLine(String classId, String name, int grade, @JsonUnwrapped MetricValues metrics) {
    }
}
