package vn.motsach.command.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchoolCalendarTest {

    private static final LocalDate TET = LocalDate.of(2027, 2, 8);

    private final SchoolCalendar calendar = new SchoolCalendar(List.of(new SchoolCalendar.Year(
            LocalDate.of(2026, 9, 5), LocalDate.of(2027, 5, 31),
            Set.of(TET, TET.plusDays(1), TET.plusDays(2), TET.plusDays(3), TET.plusDays(4)))));

    @Test
    void aDueDateOnAWeekdayStays() {
        assertThat(calendar.dueOn(LocalDate.of(2026, 9, 7), 14)).isEqualTo(LocalDate.of(2026, 9, 21));
    }

    @Test
    void aDueDateOnAWeekendMovesToMonday() {
        assertThat(calendar.dueOn(LocalDate.of(2026, 9, 8), 4)).isEqualTo(LocalDate.of(2026, 9, 14));
    }

    @Test
    void aDueDateInTetMovesPastIt() {
        assertThat(calendar.dueOn(LocalDate.of(2027, 1, 25), 14)).isEqualTo(LocalDate.of(2027, 2, 15));
    }

    @Test
    void theLastOpenDayBeforeADepartureSkipsTheWeekendAndTheClosedDays() {
        assertThat(calendar.lastOpenDayBefore(LocalDate.of(2026, 9, 16))).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(calendar.lastOpenDayBefore(LocalDate.of(2026, 9, 14))).isEqualTo(LocalDate.of(2026, 9, 11));
        assertThat(calendar.lastOpenDayBefore(TET.plusDays(7))).as("Tết and its weekends").isEqualTo(TET.minusDays(3));
    }

    @Test
    void aDueDateNeverFallsAfterTheSchoolYear() {
        assertThat(calendar.dueOn(LocalDate.of(2027, 5, 24), 14)).isEqualTo(LocalDate.of(2027, 5, 31));
    }

    @Test
    void theLastDayOfAYearEndingOnASundayIsTheFridayBefore() {
        SchoolCalendar endsOnSunday = new SchoolCalendar(List.of(
                new SchoolCalendar.Year(LocalDate.of(2027, 9, 5), LocalDate.of(2028, 5, 28), Set.of())));
        assertThat(endsOnSunday.dueOn(LocalDate.of(2028, 5, 22), 14)).isEqualTo(LocalDate.of(2028, 5, 26));
    }

    @Test
    void outsideAnySchoolYearOnlyWeekendsAreClosed() {
        assertThat(calendar.dueOn(LocalDate.of(2027, 7, 1), 14)).isEqualTo(LocalDate.of(2027, 7, 15));
        assertThat(calendar.isOpen(LocalDate.of(2027, 7, 3))).isFalse();
    }

    @Test
    void pickupDaysCountOpenDaysAfterToday() {
        assertThat(calendar.openDaysAfter(LocalDate.of(2026, 9, 10), 3)).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(calendar.openDaysAfter(LocalDate.of(2027, 2, 5), 1)).isEqualTo(LocalDate.of(2027, 2, 15));
    }
}
