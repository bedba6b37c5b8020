package vn.motsach.command.school;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The days a school library is open: Monday to Friday within its school years, except the
 * closed days (holidays, Tết). Outside any school year only weekends are closed, so a loan in
 * the summer still gets a sensible due date.
 */
public final class SchoolCalendar {

    private final List<Year> years;

    public SchoolCalendar(List<Year> years) {
        this.years = years.stream().sorted(Comparator.comparing(Year::startsOn)).toList();
    }

    public boolean isOpen(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        return yearOf(day).map(year -> !year.closedDays().contains(day)).orElse(true);
    }

    /**
     * A due date: {@code loanDays} calendar days on, moved forward to the next open day, and
     * never after the end of the school year the loan was made in (then the last open day of it).
     */
    public LocalDate dueOn(LocalDate borrowedOn, int loanDays) {
        LocalDate due = nextOpenDayFrom(borrowedOn.plusDays(loanDays));
        Optional<Year> year = yearOf(borrowedOn);
        if (year.isPresent() && due.isAfter(year.get().endsOn())) {
            due = lastOpenDayUntil(year.get().endsOn(), borrowedOn);
        }
        return due;
    }

    /** The {@code count}-th open day after {@code day} (the day itself does not count). */
    public LocalDate openDaysAfter(LocalDate day, int count) {
        LocalDate result = day;
        for (int i = 0; i < count; i++) {
            result = nextOpenDayFrom(result.plusDays(1));
        }
        return result;
    }

    /** The last day before {@code day} the library is open (the day a patron leaving on {@code day} can last bring a book back). */
    public LocalDate lastOpenDayBefore(LocalDate day) {
        LocalDate result = day.minusDays(1);
        while (!isOpen(result)) {
            result = result.minusDays(1);
        }
        return result;
    }

    private LocalDate nextOpenDayFrom(LocalDate day) {
        LocalDate result = day;
        while (!isOpen(result)) {
            result = result.plusDays(1);
        }
        return result;
    }

    private LocalDate lastOpenDayUntil(LocalDate day, LocalDate notBefore) {
        LocalDate result = day;
        while (!isOpen(result) && result.isAfter(notBefore)) {
            result = result.minusDays(1);
        }
        return result;
    }

    private Optional<Year> yearOf(LocalDate day) {
        return years.stream().filter(year -> !day.isBefore(year.startsOn()) && !day.isAfter(year.endsOn())).findFirst();
    }

    public record Year(LocalDate startsOn, LocalDate endsOn, Set<LocalDate> closedDays) {

        public Year {
            closedDays = Set.copyOf(closedDays);
        }
    }
}
