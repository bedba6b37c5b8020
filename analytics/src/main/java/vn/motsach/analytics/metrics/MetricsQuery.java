package vn.motsach.analytics.metrics;

import java.time.LocalDate;
import vn.motsach.events.MetricPeriod;
import vn.motsach.infra.web.RequestCheck;

/** The {@code period} (a week unless named) and the day {@code on} (today unless given) a metrics request asks for. */
public record MetricsQuery(MetricPeriod period, LocalDate on) {

    /** Adds any problem with the parameters to {@code check}. */
    public static MetricsQuery of(RequestCheck check, String period, String on, LocalDate today) {
        MetricPeriod kind = period == null ? MetricPeriod.WEEK : check.converted("period", period, MetricPeriod::valueOf);
        LocalDate day = on == null || on.isBlank() ? today : check.date("on", on);
        return new MetricsQuery(kind, day);
    }
}
