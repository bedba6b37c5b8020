package vn.motsach.analytics.authorities;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.motsach.analytics.metrics.MetricValues;
import vn.motsach.events.MetricPeriod;

/**
 * An authority's metrics for a period: the sums over its schools, and one line per school.
 * {@code from} and {@code to} span the schools' own periods; null when none has the period.
 */
public record AuthorityMetricsView(String authorityId, MetricPeriod period, @Nullable LocalDate from,
        @Nullable LocalDate to, @JsonUnwrapped MetricValues metrics, List<SchoolLine> schools) {

    /** A school's line: its counts for the period, or only that it has no such period. */
    @Schema(oneOf = {Scheduled.class, Unscheduled.class})
    public sealed interface SchoolLine permits Scheduled, Unscheduled {
    }

    public record Scheduled(String schoolId, @Nullable String name, LocalDate from, LocalDate to, boolean periodScheduled,
            @JsonUnwrapped MetricValues metrics) implements SchoolLine {
    }

    /** A school whose calendar lacks the period: {@code periodScheduled} is false. */
    public record Unscheduled(String schoolId, boolean periodScheduled) implements SchoolLine {
    }
}
