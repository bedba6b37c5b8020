package vn.motsach.analytics.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.analytics.SchoolFixture.SCHOOL;

import java.time.LocalDate;
import java.time.LocalTime;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.SchoolFixture;
import vn.motsach.analytics.calendar.Period;
import vn.motsach.analytics.roster.RosterEntry.Membership;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.patron.PatronRejoined;

class RosterTopologyTest {

    static final LocalDate REGISTERED = LocalDate.of(2025, 9, 1);
    static final LocalDate MOVE = LocalDate.of(2026, 3, 9);

    final SchoolFixture school = new SchoolFixture().schoolWithCalendar().classOpened("6a1", 6).classOpened("6a2", 6)
            .students("6a1", "hs1");
    final ReadOnlyKeyValueStore<String, RosterEntry> roster = school.stores().keyValueStore(RosterTopology.ROSTER_STORE);

    @AfterEach
    void tearDown() {
        school.close();
    }

    @Test
    void aClassMoveClosesTheOldMembershipTheDayBefore() {
        school.on(MOVE.minusDays(2), LocalTime.of(8, 0));
        school.move("hs1", "6a1", "6a2", MOVE);

        RosterEntry entry = roster.get(SCHOOL + "|hs1");
        assertThat(entry.memberships()).containsExactly(new Membership("6a1", REGISTERED, MOVE.minusDays(1)),
                new Membership("6a2", MOVE, null));
        Period weekBefore = new Period(MetricPeriod.WEEK, MOVE.minusWeeks(1), MOVE.minusDays(1));
        Period weekOf = new Period(MetricPeriod.WEEK, MOVE, MOVE.plusDays(6));
        assertThat(entry.enrolledIn("6a1", weekBefore)).isTrue();
        assertThat(entry.enrolledIn("6a2", weekBefore)).isFalse();
        assertThat(entry.enrolledIn("6a1", weekOf)).isFalse();
        assertThat(entry.enrolledIn("6a2", weekOf)).isTrue();
    }

    /** As on the command and query sides (ClassHistory): a move recorded late holds until the next one begins. */
    @Test
    void aMoveRecordedLateSlotsIntoItsPlaceAndLeavesLaterMovesStanding() {
        school.classOpened("6a3", 6);
        school.on(MOVE.plusDays(30), LocalTime.of(8, 0));
        school.move("hs1", "6a1", "6a2", MOVE);
        school.move("hs1", "6a1", "6a3", MOVE.minusDays(14));

        assertThat(roster.get(SCHOOL + "|hs1").memberships()).containsExactly(
                new Membership("6a1", REGISTERED, MOVE.minusDays(15)),
                new Membership("6a3", MOVE.minusDays(14), MOVE.minusDays(1)),
                new Membership("6a2", MOVE, null));
    }

    /** A move dated while the student was away, recorded after their return: their class from the return on. */
    @Test
    void aMoveDatedWhileAwayCountsFromTheReturn() {
        school.on(MOVE.plusDays(7), LocalTime.of(8, 0));
        school.left("hs1", LocalDate.of(2025, 12, 31));
        school.publish(new PatronRejoined(SchoolId.of(SCHOOL), PatronId.of("hs1"), MOVE));
        school.move("hs1", "6a1", "6a2", LocalDate.of(2026, 2, 2));

        RosterEntry entry = roster.get(SCHOOL + "|hs1");
        assertThat(entry.memberships()).containsExactly(new Membership("6a1", REGISTERED, LocalDate.of(2025, 12, 31)),
                new Membership("6a2", MOVE, null));
        assertThat(entry.active()).isTrue();
    }

    @Test
    void aStudentWhoLeftAndRejoinedIsEnrolledAgainInTheLastClass() {
        school.on(MOVE, LocalTime.of(8, 0));
        school.left("hs1", LocalDate.of(2025, 12, 31));
        school.publish(new PatronRejoined(SchoolId.of(SCHOOL), PatronId.of("hs1"), MOVE));

        RosterEntry entry = roster.get(SCHOOL + "|hs1");
        assertThat(entry.memberships()).containsExactly(new Membership("6a1", REGISTERED, LocalDate.of(2025, 12, 31)),
                new Membership("6a1", MOVE, null));
        assertThat(entry.enrolledIn(new Period(MetricPeriod.MONTH, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))))
                .isFalse();
        assertThat(entry.active()).isTrue();
    }

    /**
     * One rule on every side: a class membership starts on its registration's day in Vietnam
     * (00:30 there is still the day before in UTC), so yesterday's class does not count them.
     */
    @Test
    void aStudentRegisteredTodayIsNotEnrolledInTheirClassYesterday() {
        LocalDate today = LocalDate.of(2026, 3, 10);
        school.on(today, LocalTime.of(0, 30));
        school.students("6a1", "hs-moi");

        RosterEntry entry = roster.get(SCHOOL + "|hs-moi");
        Period yesterday = new Period(MetricPeriod.WEEK, today.minusDays(1), today.minusDays(1));
        Period todayOnly = new Period(MetricPeriod.WEEK, today, today);
        assertThat(entry.enrolledIn("6a1", yesterday)).isFalse();
        assertThat(entry.enrolledIn("6a1", todayOnly)).isTrue();
        SchoolProfile profile = school.stores().<SchoolProfile>keyValueStore(RosterTopology.SCHOOLS_STORE).get(SCHOOL);
        assertThat(school.metrics(today).load(profile, yesterday).ofClass("6a1").enrolledStudents()).isEqualTo(1);
        assertThat(school.metrics(today).load(profile, todayOnly).ofClass("6a1").enrolledStudents()).isEqualTo(2);
    }

    @Test
    void theSchoolCalendarAndClassesAreKeptForTheMetrics() {
        SchoolProfile profile = school.stores().<SchoolProfile>keyValueStore(RosterTopology.SCHOOLS_STORE).get(SCHOOL);
        assertThat(profile.authorityId()).isEqualTo(SchoolFixture.AUTHORITY);
        assertThat(profile.calendar().years()).hasSize(1);
        assertThat(profile.calendar().isSchoolDay(SchoolFixture.TET_MONDAY)).isFalse();
        assertThat(school.stores().<ClassProfile>keyValueStore(RosterTopology.CLASSES_STORE).get(SCHOOL + "|6a2"))
                .isEqualTo(new ClassProfile("6a2", "6A2", 6, "2025-2026"));
    }
}
