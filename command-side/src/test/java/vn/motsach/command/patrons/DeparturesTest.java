package vn.motsach.command.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.motsach.events.PatronId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;

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

    @Test
    void aDepartureCannotBeDatedBeforeThePatronJoinedTheSchool() {
        LocalDate joinedOn = LocalDate.of(2026, 9, 5);

        Refused refused = catchThrowableOfType(Refused.class,
                () -> Departures.refuseWhenBeforeJoining(PatronId.of("hs-an"), LocalDate.of(2025, 9, 4), joinedOn));

        assertThat(refused.code()).isEqualTo(RefusalCode.DEPARTURE_BEFORE_REGISTRATION);
        assertThat(refused.arguments()).as("the days themselves, written the reader's way by the problem")
                .containsExactly("hs-an", LocalDate.of(2025, 9, 4), joinedOn);
        assertThatNoException().as("leaving the day they joined")
                .isThrownBy(() -> Departures.refuseWhenBeforeJoining(PatronId.of("hs-an"), joinedOn, joinedOn));
    }
}
