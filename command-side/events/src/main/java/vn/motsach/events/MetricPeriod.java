package vn.motsach.events;

/** The periods of the school calendar metrics are counted in (weeks start on Monday). */
public enum MetricPeriod {
    WEEK,
    MONTH,
    SEMESTER,
    SCHOOL_YEAR
}
