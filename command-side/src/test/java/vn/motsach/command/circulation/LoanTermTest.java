package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motsach.command.school.SchoolCalendar;

class LoanTermTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);
    private static final LocalDate DUE = MONDAY.plusDays(14);

    private final SchoolCalendar calendar = new SchoolCalendar(List.of());

    @Test
    void aPatronWhoStaysGetsTheCalendarsDueDate() {
        assertThat(LoanTerm.of(DUE, null, MONDAY, calendar)).isEqualTo(new LoanTerm(DUE, null));
    }

    @Test
    void aDepartureAfterTheDueDateShortensNothing() {
        assertThat(LoanTerm.of(DUE, DUE.plusDays(1), MONDAY, calendar)).isEqualTo(new LoanTerm(DUE, null));
    }

    @Test
    void aDepartureBeforeTheDueDateBringsItBackToTheLastOpenDayBeforeIt() {
        LocalDate nextMonday = MONDAY.plusDays(7);

        LoanTerm term = LoanTerm.of(DUE, nextMonday, MONDAY, calendar);

        assertThat(term).isEqualTo(new LoanTerm(MONDAY.plusDays(4), nextMonday));
        assertThat(term.noDayLeftAfter(MONDAY)).isFalse();
    }

    @Test
    void leavingTomorrowOrAfterTheWeekendLeavesNoDayToBringABookBack() {
        LocalDate friday = MONDAY.plusDays(4);

        assertThat(LoanTerm.of(DUE, friday, MONDAY.plusDays(3), calendar).noDayLeftAfter(MONDAY.plusDays(3))).isTrue();
        LoanTerm overTheWeekend = LoanTerm.of(DUE, MONDAY.plusDays(7), friday, calendar);
        assertThat(overTheWeekend).as("due the day of the loan at the earliest").isEqualTo(new LoanTerm(friday, MONDAY.plusDays(7)));
        assertThat(overTheWeekend.noDayLeftAfter(friday)).isTrue();
    }
}
