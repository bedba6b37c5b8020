package vn.motsach.events.patron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.motsach.events.ClassId;

class ClassHistoryTest {

    static final ClassId C8A1 = ClassId.of("8a1");
    static final ClassId C8A2 = ClassId.of("8a2");
    static final LocalDate TODAY = LocalDate.of(2026, 10, 14);

    @Test
    void aStudentRegisteredTodayWasInNoClassYesterday() {
        ClassHistory history = ClassHistory.none().from(TODAY, C8A1);

        assertThat(history.classOn(TODAY.minusDays(1))).isEmpty();
        assertThat(history.inClassOn(C8A1, TODAY.minusDays(1))).isFalse();
        assertThat(history.classOn(TODAY)).contains(C8A1);
        assertThat(history.startsOn()).contains(TODAY);
    }

    @Test
    void aMoveHoldsFromItsDateAndTheOldClassBeforeIt() {
        ClassHistory history = ClassHistory.none().from(TODAY, C8A1).from(TODAY.plusDays(30), C8A2);

        assertThat(history.classOn(TODAY.plusDays(29))).contains(C8A1);
        assertThat(history.classOn(TODAY.plusDays(30))).contains(C8A2);
        assertThat(history.joinsOn(TODAY.plusDays(30), C8A2)).isTrue();
    }

    @Test
    void theLaterOfTwoMembershipsFromOneDateHolds() {
        ClassHistory history = ClassHistory.none().from(TODAY, C8A1).from(TODAY, C8A2);

        assertThat(history.memberships()).hasSize(1);
        assertThat(history.classOn(TODAY)).contains(C8A2);
    }

    @Test
    void aPatronWithoutAClassIsInNoneYetKnownFromTheirRegistration() {
        ClassHistory history = ClassHistory.none().from(TODAY, null);

        assertThat(history.classOn(TODAY)).isEmpty();
        assertThat(history.startsOn()).contains(TODAY);
    }

    @Test
    void theRegistrationDateIsTheSchoolDayInVietnam() {
        assertThat(ClassHistory.registeredOn(Instant.parse("2026-10-13T17:30:00Z"))).isEqualTo(TODAY);
    }
}
