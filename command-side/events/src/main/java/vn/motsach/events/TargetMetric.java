package vn.motsach.events;

/**
 * What a reading target measures. {@code ACTIVE_READER_RATE} is a share from 0 to 1.
 * {@code READING_MINUTES_PER_STUDENT} counts the minutes the school saw (in the library, in the
 * class corner); {@code SELF_REPORTED_READING_MINUTES_PER_STUDENT} those students reported reading
 * at home.
 */
public enum TargetMetric {
    LOANS_PER_STUDENT,
    ACTIVE_READER_RATE,
    READING_MINUTES_PER_STUDENT,
    SELF_REPORTED_READING_MINUTES_PER_STUDENT,
    LIBRARY_PERIODS_PER_CLASS
}
