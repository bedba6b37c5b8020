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

    public ReadingTargetSet {
        threshold = canonical(threshold);
    }

    /**
     * A threshold in the one form it is stored and answered in: a plain number without trailing
     * zeros, {@code 300} and {@code 0.5}, never {@code 300.0} nor {@code 3E+2}.
     */
    public static BigDecimal canonical(BigDecimal threshold) {
        if (threshold == null) {
            return null;
        }
        BigDecimal stripped = threshold.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
