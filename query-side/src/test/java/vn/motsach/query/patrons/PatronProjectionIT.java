package vn.motsach.query.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.query.Events.MONDAY;
import static vn.motsach.query.Events.SCHOOL;
import static vn.motsach.query.Events.at;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.ClassId;
import vn.motsach.events.DepartureReason;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.patron.ClassHistory;
import vn.motsach.events.patron.PatronDetailsChanged;
import vn.motsach.events.patron.PatronLeft;
import vn.motsach.events.patron.PatronMovedToClass;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.patron.PatronRejoined;
import vn.motsach.testing.ProjectionDatabase;

/** Patrons and their class history on the real PostgreSQL: membership at a date, leaving, events twice or late. */
class PatronProjectionIT {

    private static final ClassId C6A1 = ClassId.of("6a1-2026");
    private static final ClassId C6A2 = ClassId.of("6a2-2026");
    private static final ClassId C6A3 = ClassId.of("6a3-2026");

    private static JdbcClient jdbc;
    private PatronProjection projection;

    @BeforeAll
    static void database() {
        jdbc = ProjectionDatabase.migrated("query", "classpath:db/query");
    }

    @BeforeEach
    void setUp() {
        projection = new PatronProjection(jdbc);
        projection.reset();
    }

    @Test
    void membershipFollowsClassMovesAndDepartures() {
        projection.on(new PatronRegistered(SCHOOL, PatronId.of("hs-001"), "Nguyễn Văn An", PatronCategory.STUDENT, C6A1), MONDAY, at(1));
        projection.on(new PatronMovedToClass(SCHOOL, PatronId.of("hs-001"), C6A1, C6A2, LocalDate.of(2026, 10, 1)), at(2));
        projection.on(new PatronLeft(SCHOOL, PatronId.of("hs-001"), DepartureReason.TRANSFERRED, LocalDate.of(2026, 11, 1)), at(3));
        projection.on(new PatronRejoined(SCHOOL, PatronId.of("hs-001"), LocalDate.of(2026, 12, 1)), at(4));

        assertThat(classOn("2026-09-06")).isNull();
        assertThat(classOn("2026-09-07")).isEqualTo("6a1-2026");
        assertThat(classOn("2026-09-30")).isEqualTo("6a1-2026");
        assertThat(classOn("2026-10-01")).isEqualTo("6a2-2026");
        assertThat(activeOn("2026-10-31")).isTrue();
        assertThat(activeOn("2026-11-01")).isFalse();
        assertThat(activeOn("2026-12-01")).isTrue();
    }

    @Test
    void aMoveSeenLateSlotsIntoItsPlace() {
        projection.on(new PatronRegistered(SCHOOL, PatronId.of("hs-001"), "Nguyễn Văn An", PatronCategory.STUDENT, C6A1), MONDAY, at(1));
        projection.on(new PatronMovedToClass(SCHOOL, PatronId.of("hs-001"), C6A2, C6A1, LocalDate.of(2026, 11, 1)), at(5));
        projection.on(new PatronMovedToClass(SCHOOL, PatronId.of("hs-001"), C6A1, C6A2, LocalDate.of(2026, 10, 1)), at(3));

        assertThat(classOn("2026-10-15")).isEqualTo("6a2-2026");
        assertThat(classOn("2026-11-15")).isEqualTo("6a1-2026");
    }

    /** A student registered today was in no class yesterday: the roster of yesterday does not have them. */
    @Test
    void aStudentRegisteredTodayIsNotOnYesterdaysRoster() {
        projection.on(new PatronRegistered(SCHOOL, PatronId.of("hs-001"), "Nguyễn Văn An", PatronCategory.STUDENT, C6A1), MONDAY, at(1));

        LocalDate today = ClassHistory.registeredOn(MONDAY);
        assertThat(classOn(today.minusDays(1).toString())).isNull();
        assertThat(classOn(today.toString())).isEqualTo("6a1-2026");
    }

    /**
     * The SQL intervals the lists read are {@link ClassHistory}'s rule: fed the same history, in
     * the same order (a late move, two moves from one date), both name the same class every day.
     */
    @Test
    void theMembershipIntervalsAgreeWithTheClassHistory() {
        PatronId an = PatronId.of("hs-001");
        ClassHistory history = ClassHistory.none().from(ClassHistory.registeredOn(MONDAY), C6A1);
        projection.on(new PatronRegistered(SCHOOL, an, "Nguyễn Văn An", PatronCategory.STUDENT, C6A1), MONDAY, at(1));
        List<PatronMovedToClass> moves = List.of(
                new PatronMovedToClass(SCHOOL, an, C6A1, C6A2, LocalDate.of(2026, 10, 1)),
                new PatronMovedToClass(SCHOOL, an, C6A2, C6A1, LocalDate.of(2026, 9, 20)),
                new PatronMovedToClass(SCHOOL, an, C6A1, C6A3, LocalDate.of(2026, 10, 1)),
                new PatronMovedToClass(SCHOOL, an, C6A3, C6A2, LocalDate.of(2026, 9, 7)));
        long position = 2;
        for (PatronMovedToClass move : moves) {
            projection.on(move, at(position++));
            history = history.from(move.effectiveOn(), move.toClassId());
        }

        for (LocalDate day = LocalDate.of(2026, 9, 1); day.isBefore(LocalDate.of(2026, 10, 10)); day = day.plusDays(1)) {
            assertThat(classOn(day.toString())).as(day.toString()).isEqualTo(history.classOn(day).map(ClassId::value).orElse(null));
        }
    }

    @Test
    void anEventAppliedTwiceChangesNothing() {
        var registered = new PatronRegistered(SCHOOL, PatronId.of("hs-001"), "Nguyễn Văn An", PatronCategory.STUDENT, C6A1);
        var renamed = new PatronDetailsChanged(SCHOOL, PatronId.of("hs-001"), "Nguyễn Văn Ân", PatronCategory.STUDENT);
        var moved = new PatronMovedToClass(SCHOOL, PatronId.of("hs-001"), C6A1, C6A2, LocalDate.of(2026, 10, 1));
        projection.on(registered, MONDAY, at(1));
        projection.on(renamed, at(2));
        projection.on(moved, at(3));
        List<String> before = all();

        projection.on(registered, MONDAY, at(1));
        projection.on(renamed, at(2));
        projection.on(moved, at(3));

        assertThat(all()).isEqualTo(before);
        assertThat(jdbc.sql("select full_name from qs_patron").query(String.class).single()).isEqualTo("Nguyễn Văn Ân");
    }

    private static String classOn(String date) {
        return jdbc.sql("select m.class_id from (" + Memberships.INTERVALS + ") m "
                        + "where m.patron_id = 'hs-001' and m.valid_from <= :on and (m.valid_until is null or m.valid_until > :on)")
                .param("on", LocalDate.parse(date))
                .query(String.class).optional().orElse(null);
    }

    private static boolean activeOn(String date) {
        return jdbc.sql("select " + Memberships.ACTIVE_ON + " from qs_patron p where p.patron_id = 'hs-001'")
                .param("on", LocalDate.parse(date))
                .query(Boolean.class).single();
    }

    private static List<String> all() {
        return jdbc.sql("""
                        select 'p ' || q::text from qs_patron q
                        union all select 'm ' || m::text from qs_patron_membership m
                        union all select 'd ' || d::text from qs_patron_departure d order by 1""")
                .query(String.class).list();
    }
}
