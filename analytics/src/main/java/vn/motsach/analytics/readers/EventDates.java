package vn.motsach.analytics.readers;

import java.time.LocalDate;

/** When a reading event runs: participation counts in the periods of its first day. */
public record EventDates(LocalDate startsOn, LocalDate endsOn) {
}
