package vn.motsach.events;

/** What a reading target measures. {@code ACTIVE_READER_RATE} is a share from 0 to 1. */
public enum TargetMetric {
    LOANS_PER_STUDENT,
    ACTIVE_READER_RATE,
    READING_MINUTES_PER_STUDENT,
    LIBRARY_PERIODS_PER_CLASS
}
