package vn.motsach.command.patrons;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.patron.ClassHistory;
import vn.motsach.events.patron.ClassHistory.Membership;

/** What commands read about classes and patrons from their lookup tables; always inside the command's own transaction. */
@Component
public class PatronLookups implements ClassRegister {

    /**
     * The columns of a patron {@code p}'s class history, its dates and its classes in date order,
     * read back by {@link #classHistory}: which class holds on a date is {@link ClassHistory}'s to say.
     */
    private static final String CLASS_HISTORY = """
            (select array_agg(c.effective_on order by c.effective_on) from cmd_patron_class c
             where c.school_id = p.school_id and c.patron_id = p.patron_id) as class_dates,
            (select array_agg(c.class_id order by c.effective_on) from cmd_patron_class c
             where c.school_id = p.school_id and c.patron_id = p.patron_id) as class_ids""";

    private final JdbcClient jdbc;
    private final Clock clock;

    PatronLookups(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A patron of the school as a roster compares them, here or gone as of today (school time); empty when none has the id. */
    public Optional<RosterPatron> rosterPatronToday(SchoolId school, PatronId patron) {
        return Optional.ofNullable(rosterPatrons(school, List.of(patron.value()), LocalDate.now(clock)).get(patron.value()));
    }

    @Override
    public boolean classExists(SchoolId school, ClassId classId) {
        return jdbc.sql("select exists (select 1 from cmd_class where school_id = ? and class_id = ?)")
                .params(school.value(), classId.value()).query(Boolean.class).single();
    }

    @Override
    public Optional<LocalDate> closedOn(SchoolId school, ClassId classId) {
        return jdbc.sql("select closed_on from cmd_class where school_id = ? and class_id = ? and closed_on is not null")
                .params(school.value(), classId.value()).query(LocalDate.class).optional();
    }

    /** The patron's category (học sinh, giáo viên, nhân viên) when the school has the patron. */
    public Optional<PatronCategory> categoryOf(SchoolId school, PatronId patron) {
        return jdbc.sql("select category from cmd_patron where school_id = ? and patron_id = ?")
                .params(school.value(), patron.value()).query(String.class).optional().map(PatronCategory::valueOf);
    }

    public Optional<String> schoolYearOfClass(SchoolId school, ClassId classId) {
        return jdbc.sql("select school_year from cmd_class where school_id = ? and class_id = ?")
                .params(school.value(), classId.value()).query(String.class).optional();
    }

    /** The patron as the school knew them on {@code day}. */
    public Optional<Member> memberOn(SchoolId school, PatronId patron, LocalDate day) {
        return member(school, patron, day, "");
    }

    /**
     * The patron on {@code day}, with their row locked until the transaction ends: decisions
     * about one patron taken at once (two desks serving them) are taken one after the other.
     * What else such a decision reads about the patron it reads in statements after this one,
     * so it sees what the decision before it left.
     */
    public Optional<Member> lockMemberOn(SchoolId school, PatronId patron, LocalDate day) {
        return member(school, patron, day, " for update of p");
    }

    private Optional<Member> member(SchoolId school, PatronId patron, LocalDate day, String locking) {
        return jdbc.sql("select p.category, p.active, p.left_on, %s from cmd_patron p where p.school_id = ? and p.patron_id = ?%s"
                        .formatted(CLASS_HISTORY, locking))
                .params(school.value(), patron.value())
                .query((rs, row) -> {
                    boolean active = rs.getBoolean(2);
                    LocalDate leftOn = rs.getObject(3, LocalDate.class);
                    return new Member(patron, PatronCategory.valueOf(rs.getString(1)), Departures.hereOn(active, leftOn, day),
                            classHistory(rs, 4).classOn(day).orElse(null), Departures.leavesAfter(active, leftOn, day));
                })
                .optional();
    }

    /** Students at the school on {@code day} whose class that day was {@code classId}: the class roster that day. */
    public Set<PatronId> studentsOfClassOn(SchoolId school, ClassId classId, LocalDate day) {
        // those who were ever in the class, then the one rule of each decides who was in it that day
        return jdbc.sql("""
                        select p.patron_id, p.active, p.left_on, %s from cmd_patron p
                        where p.school_id = ? and p.category = 'STUDENT'
                          and exists (select 1 from cmd_patron_class c
                                      where c.school_id = p.school_id and c.patron_id = p.patron_id and c.class_id = ?)"""
                        .formatted(CLASS_HISTORY))
                .params(school.value(), classId.value())
                .query((rs, row) -> Departures.hereOn(rs.getBoolean(2), rs.getObject(3, LocalDate.class), day)
                        && classHistory(rs, 4).inClassOn(classId, day) ? PatronId.of(rs.getString(1)) : null)
                .list().stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Students still at the school on {@code today} whose class is {@code classId} still (their last
     * membership) and who joined it after {@code day}: a roster imported after a year had ended into
     * that year's classes, whom the class roster of the year's last day does not hold.
     */
    public Set<PatronId> studentsJoinedAfter(SchoolId school, ClassId classId, LocalDate day, LocalDate today) {
        Set<PatronId> found = new HashSet<>();
        jdbc.sql("""
                        select p.patron_id, p.active, p.left_on, %s from cmd_patron p
                        where p.school_id = ? and p.category = 'STUDENT'
                          and exists (select 1 from cmd_patron_class c
                                      where c.school_id = p.school_id and c.patron_id = p.patron_id and c.class_id = ?
                                        and c.effective_on > ?)"""
                        .formatted(CLASS_HISTORY))
                .params(school.value(), classId.value(), day)
                .query(rs -> {
                    // still at the school today: a departure still ahead is not one yet
                    if (!Departures.hereOn(rs.getBoolean(2), rs.getObject(3, LocalDate.class), today)) {
                        return;
                    }
                    List<Membership> memberships = classHistory(rs, 4).memberships();
                    Membership last = memberships.get(memberships.size() - 1);
                    if (classId.equals(last.classId()) && last.from().isAfter(day)) {
                        found.add(PatronId.of(rs.getString(1)));
                    }
                });
        return found;
    }

    /** The patrons among {@code ids} as a roster import compares its rows with them, each with their class on {@code day}. */
    public Map<String, RosterPatron> rosterPatrons(SchoolId school, Collection<String> ids, LocalDate day) {
        Map<String, RosterPatron> found = new HashMap<>();
        if (!ids.isEmpty()) {
            // a departure still ahead of the day (a rollover's graduation) has not happened: the patron is here, as the aggregate decides
            jdbc.sql(("select p.patron_id, p.full_name, p.category, p.active, p.left_on, %s from cmd_patron p"
                            + " where p.school_id = ? and p.patron_id = any(?)").formatted(CLASS_HISTORY))
                    .params(school.value(), ids.toArray(String[]::new))
                    .query(rs -> {
                        found.put(rs.getString(1), new RosterPatron(rs.getString(2), PatronCategory.valueOf(rs.getString(3)),
                                Departures.hereOn(rs.getBoolean(4), rs.getObject(5, LocalDate.class), day),
                                classHistory(rs, 6).classOn(day).orElse(null)));
                    });
        }
        return found;
    }

    /** The classes among {@code ids} as a roster import compares its rows with them. */
    public Map<String, RosterClass> rosterClasses(SchoolId school, Collection<String> ids) {
        Map<String, RosterClass> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            select class_id, name, grade, school_year, homeroom_teacher_id, closed_on from cmd_class
                            where school_id = ? and class_id = any(?)""")
                    .params(school.value(), ids.toArray(String[]::new))
                    .query(rs -> {
                        found.put(rs.getString(1), new RosterClass(rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
                                rs.getString(5), rs.getObject(6, LocalDate.class)));
                    });
        }
        return found;
    }

    /**
     * For patron ids a roster row names and the school does not have: the school's patron id that
     * differs from each only by case ("P1" for "p1"), to tell the librarian; ids are not matched so.
     */
    public Map<String, String> patronIdsDifferingInCase(SchoolId school, Collection<String> ids) {
        return differingInCase("cmd_patron", "patron_id", school, ids);
    }

    /** For class ids not found: the school's class id that differs from each only by case, as above. */
    public Map<String, String> classIdsDifferingInCase(SchoolId school, Collection<String> ids) {
        return differingInCase("cmd_class", "class_id", school, ids);
    }

    private Map<String, String> differingInCase(String table, String column, SchoolId school, Collection<String> ids) {
        Map<String, String> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            select written.id, min(t.%2$s) from %1$s t join unnest(?::varchar[]) written(id)
                              on lower(t.%2$s) = lower(written.id) and t.%2$s <> written.id
                            where t.school_id = ? group by written.id""".formatted(table, column))
                    .params(ids.toArray(String[]::new), school.value())
                    .query(rs -> {
                        found.put(rs.getString(1), rs.getString(2));
                    });
        }
        return found;
    }

    /** The classes of a school year, by id, as a rollover plans with them. */
    public Map<String, RosterClass> classesOfYear(SchoolId school, String schoolYear) {
        Map<String, RosterClass> found = new HashMap<>();
        jdbc.sql("""
                        select class_id, name, grade, school_year, homeroom_teacher_id, closed_on from cmd_class
                        where school_id = ? and school_year = ?""")
                .params(school.value(), schoolYear)
                .query(rs -> {
                    found.put(rs.getString(1), new RosterClass(rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, LocalDate.class)));
                });
        return found;
    }

    private static ClassHistory classHistory(ResultSet rs, int datesColumn) throws SQLException {
        Array dates = rs.getArray(datesColumn);
        if (dates == null) {
            return ClassHistory.none();
        }
        java.sql.Date[] from = (java.sql.Date[]) dates.getArray();
        String[] classes = (String[]) rs.getArray(datesColumn + 1).getArray();
        List<Membership> memberships = new ArrayList<>(from.length);
        for (int i = 0; i < from.length; i++) {
            memberships.add(new Membership(from[i].toLocalDate(), classes[i] == null ? null : ClassId.of(classes[i])));
        }
        return new ClassHistory(memberships);
    }

    /** A patron as a roster import sees them: their details, and their class on the import's day (none for staff). */
    public record RosterPatron(String fullName, PatronCategory category, boolean active, ClassId classId) {
    }

    /** A class as a roster import sees it; {@code closedOn} when it was closed. */
    public record RosterClass(String name, Integer grade, String schoolYear, String homeroomTeacherId, LocalDate closedOn) {
    }

    /**
     * A patron as the school knew them on a day: category, whether at the school that day ({@link Departures}),
     * their class that day (none for staff), and the day they leave when a departure is still ahead of it.
     */
    public record Member(PatronId patronId, PatronCategory category, boolean active, ClassId classId,
            @Nullable LocalDate leavesOn) {
    }
}
