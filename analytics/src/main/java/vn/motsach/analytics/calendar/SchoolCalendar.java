package vn.motsach.analytics.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.Semester;
import vn.motsach.events.school.SchoolYearScheduled;

/**
 * A school's calendar: its school years with their semesters and closed days (Tết, holidays),
 * as the school scheduled them. Weeks (Monday to Sunday) and months need no calendar;
 * semesters and school years come only from it.
 */
public record SchoolCalendar(List<Year> years) {

    public SchoolCalendar {
        years = years == null ? List.of() : List.copyOf(years);
    }

    public static SchoolCalendar empty() {
        return new SchoolCalendar(List.of());
    }

    /** The calendar with this school year set again in full, as the event says. */
    public SchoolCalendar with(SchoolYearScheduled scheduled) {
        List<Year> updated = new ArrayList<>(years.stream()
                .filter(year -> !year.schoolYear().equals(scheduled.schoolYear().value())).toList());
        updated.add(new Year(scheduled.schoolYear().value(), scheduled.startsOn(), scheduled.endsOn(),
                scheduled.semesters(), new TreeSet<>(scheduled.closedDays())));
        updated.sort(Comparator.comparing(Year::startsOn));
        return new SchoolCalendar(updated);
    }

    /** The period of this kind containing {@code day}; empty for a semester or year the calendar lacks. */
    public Optional<Period> period(MetricPeriod kind, LocalDate day) {
        return switch (kind) {
            case WEEK -> Optional.of(new Period(kind, day.with(DayOfWeek.MONDAY), day.with(DayOfWeek.SUNDAY)));
            case MONTH -> Optional.of(new Period(kind, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth())));
            case SEMESTER -> yearOf(day).flatMap(year -> year.semesters().stream()
                    .filter(semester -> !day.isBefore(semester.startsOn()) && !day.isAfter(semester.endsOn()))
                    .findFirst()
                    .map(semester -> new Period(kind, semester.startsOn(), semester.endsOn())));
            case SCHOOL_YEAR -> yearOf(day).map(year -> new Period(kind, year.startsOn(), year.endsOn()));
        };
    }

    /** Every period {@code day} belongs to: always its week and month, its semester and year when scheduled. */
    public List<Period> periodsOf(LocalDate day) {
        List<Period> periods = new ArrayList<>(4);
        for (MetricPeriod kind : MetricPeriod.values()) {
            period(kind, day).ifPresent(periods::add);
        }
        return periods;
    }

    public Optional<Year> yearOf(LocalDate day) {
        return years.stream().filter(year -> !day.isBefore(year.startsOn()) && !day.isAfter(year.endsOn())).findFirst();
    }

    /** A weekday of a scheduled school year on which the school is open (not Tết, not a holiday). */
    public boolean isSchoolDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
            return false;
        }
        return yearOf(day).map(year -> !year.closedDays().contains(day)).orElse(false);
    }

    /** School days from {@code from} to {@code to}, both included. */
    public int schoolDays(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isSchoolDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The {@code count} school days just before {@code day}, oldest first: the baseline of a
     * reading event. Closed weeks such as Tết are skipped, so the baseline is real school time.
     * Looks back at most a year.
     */
    public List<LocalDate> schoolDaysBefore(LocalDate day, int count) {
        List<LocalDate> days = new ArrayList<>(count);
        LocalDate limit = day.minusYears(1);
        for (LocalDate candidate = day.minusDays(1); days.size() < count && candidate.isAfter(limit);
                candidate = candidate.minusDays(1)) {
            if (isSchoolDay(candidate)) {
                days.add(0, candidate);
            }
        }
        return days;
    }

    /**
     * How much of {@code period} has passed on {@code today}, from 0 to 1, counted in school days
     * (a closed Tết week does not count as time to reach a target); in calendar days for a
     * period with no school days at all, such as a summer month.
     */
    public double shareElapsed(Period period, LocalDate today) {
        if (today.isBefore(period.from())) {
            return 0;
        }
        if (today.isAfter(period.to())) {
            return 1;
        }
        int total = schoolDays(period.from(), period.to());
        if (total == 0) {
            long days = period.to().toEpochDay() - period.from().toEpochDay() + 1;
            return (today.toEpochDay() - period.from().toEpochDay() + 1) / (double) days;
        }
        return schoolDays(period.from(), today) / (double) total;
    }

    /** One scheduled school year. */
    public record Year(String schoolYear, LocalDate startsOn, LocalDate endsOn, List<Semester> semesters,
            Set<LocalDate> closedDays) {

        public Year {
            semesters = List.copyOf(semesters);
            closedDays = new TreeSet<>(closedDays);
        }
    }
}
