package vn.motsach.command.patrons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeparturesTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 5, 24);

    @Test
    void aPatronWhoNeverLeftIsHere() {
        assertThat(Departures.hereOn(true, null, TODAY)).isTrue();
        assertThat(Departures.leavesAfter(true, null, TODAY)).isNull();
    }

    @Test
    void aDepartureDatedAheadHasNotHappenedYet() {
        LocalDate newYear = LocalDate.of(2027, 9, 6);

        assertThat(Departures.hereOn(false, newYear, TODAY)).isTrue();
        assertThat(Departures.leavesAfter(false, newYear, TODAY)).isEqualTo(newYear);
        assertThat(Departures.hereOn(false, newYear, newYear)).as("gone on the day itself").isFalse();
        assertThat(Departures.leavesAfter(false, newYear, newYear)).isNull();
    }

    @Test
    void aDepartureTodayOrBeforeHasHappened() {
        assertThat(Departures.hereOn(false, TODAY, TODAY)).isFalse();
        assertThat(Departures.hereOn(false, TODAY.minusDays(1), TODAY)).isFalse();
        assertThat(Departures.hereOn(false, null, TODAY)).as("a departure without a day").isFalse();
    }
}
