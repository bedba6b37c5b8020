package vn.motsach.command.imports.roster;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import vn.motsach.command.school.SchoolCalendar;
import vn.motsach.command.school.SchoolLookups;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;

/**
 * Whether a school year is over on the import's day, by the school's calendar: its last day has
 * passed, or (a year never scheduled) the year after it has begun. A roster put into such a
 * year's classes is most often this year's students under last year's classes: the rows go in,
 * with a warning that says to put them in this year's classes (the rollover is refused while
 * they are in the ended year's).
 */
final class EndedYears {

    private final SchoolLookups schools;
    private final SchoolId school;
    private final LocalDate today;
    private final Map<String, Boolean> known = new HashMap<>();

    EndedYears(SchoolLookups schools, SchoolId school, LocalDate today) {
        this.schools = schools;
        this.school = school;
        this.today = today;
    }

    boolean ended(String schoolYear) {
        return known.computeIfAbsent(schoolYear, this::endedByCalendar);
    }

    private boolean endedByCalendar(String schoolYear) {
        if (!SchoolYear.isValid(schoolYear)) {
            return false;
        }
        return schools.schoolYear(school, schoolYear).map(year -> year.endsOn().isBefore(today))
                .orElseGet(() -> schools.schoolYear(school, next(schoolYear)).map(SchoolCalendar.Year::startsOn)
                        .filter(startsOn -> !startsOn.isAfter(today)).isPresent());
    }

    private static String next(String schoolYear) {
        int first = Integer.parseInt(schoolYear.substring(0, 4));
        return (first + 1) + "-" + (first + 2);
    }
}
