package vn.motsach.analytics.metrics;

import java.time.LocalDate;
import vn.motsach.events.MetricPeriod;
import vn.motsach.infra.web.RequestValues;

/** The {@code period} (a week unless named) and the day {@code on} (today unless given) a metrics request asks for. */
public record MetricsQuery(MetricPeriod period, LocalDate on) {

    /** The request's {@code period} and {@code on}, any problem recorded in its check; {@code on} null for today. */
    public static MetricsQuery of(RequestValues in) {
        String period = in.value("period");
        MetricPeriod kind = period == null ? MetricPeriod.WEEK
                : in.check().oneOf("period", period, MetricPeriod.class);
        return new MetricsQuery(kind, in.check().date("on", in.value("on")));
    }

    /** The same query, on {@code today} when it named no day. */
    public MetricsQuery orOn(LocalDate today) {
        return on == null ? new MetricsQuery(period, today) : this;
    }
}
