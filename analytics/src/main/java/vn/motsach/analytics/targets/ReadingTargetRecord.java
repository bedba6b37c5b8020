package vn.motsach.analytics.targets;

import java.math.BigDecimal;
import java.time.Instant;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.TargetMetric;
import vn.motsach.events.TargetScope;

/** A reading target as last set by the school. */
public record ReadingTargetRecord(String targetId, TargetMetric metric, TargetScope scope, String scopeId,
        MetricPeriod period, BigDecimal threshold, Instant setAt) {
}
