package vn.motsach.events;

import java.time.LocalDate;

/** Học kỳ I or II of a school year. */
public record Semester(int number, LocalDate startsOn, LocalDate endsOn) {
}
