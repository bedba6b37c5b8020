package vn.motsach.events.reading;

import java.math.BigDecimal;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.Revision;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TargetMetric;
import vn.motsach.events.TargetScope;

/** A school set (or changed) a reading target: a threshold for a metric, for the school, a grade or a class, per period. */
@Revision("1")
public record ReadingTargetSet(
        SchoolId schoolId,
        String targetId,
        TargetMetric metric,
        TargetScope scope,
        String scopeId,
        MetricPeriod period,
        BigDecimal threshold)
        implements ReadingCultureEvent {
}
