package vn.motsach.command.lookup;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.command.school.LoanPolicy;
import vn.motsach.command.school.SchoolCalendar;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.HoldId;
import vn.motsach.events.IntakeId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.TitleId;
import vn.motsach.events.patron.ClassHistory;
import vn.motsach.events.patron.ClassHistory.Membership;

/** What commands read from the lookup tables; always inside the command's own transaction. */
@Component
public class Lookups implements SchoolRecords {

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

    private final Set<SchoolId> registeredSchools = ConcurrentHashMap.newKeySet();

    Lookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every command asks; a school once registered stays, so a yes is remembered. */
    public boolean schoolExists(SchoolId school) {
        if (registeredSchools.contains(school)) {
            return true;
        }
        boolean exists = exists("select 1 from cmd_school where school_id = ?", school.value());
        if (exists) {
            registeredSchools.add(school);
        }
        return exists;
    }

    @Override
    public boolean classExists(SchoolId school, ClassId classId) {
        return exists("select 1 from cmd_class where school_id = ? and class_id = ?", school.value(), classId.value());
    }

    @Override
    public Optional<LocalDate> closedOn(SchoolId school, ClassId classId) {
        return jdbc.sql("select closed_on from cmd_class where school_id = ? and class_id = ? and closed_on is not null")
                .params(school.value(), classId.value()).query(LocalDate.class).optional();
    }

    public boolean copyExists(SchoolId school, Barcode barcode) {
        return exists("select 1 from cmd_copy where school_id = ? and barcode = ?", school.value(), barcode.value());
    }

    @Override
    public boolean titleExists(SchoolId school, TitleId title) {
        return exists("select 1 from cmd_title where school_id = ? and title_id = ?", school.value(), title.value());
    }

    public boolean intakeExists(SchoolId school, IntakeId intake) {
        return exists("select 1 from cmd_intake where school_id = ? and intake_id = ?", school.value(), intake.value());
    }

    /**
     * The patron's standing on {@code day}, with their row locked until the transaction ends:
     * two desks serving the same patron at once decide one after the other, each seeing the
     * other's loans.
     */
    public Optional<PatronStanding> lockPatron(SchoolId school, PatronId patron, LocalDate day) {
        boolean exists = jdbc.sql("select 1 from cmd_patron where school_id = ? and patron_id = ? for update")
                .params(school.value(), patron.value()).query((rs, row) -> true).optional().isPresent();
        if (!exists) {
            return Optional.empty();
        }
        // A statement of its own, after the lock: it sees the loans of whoever held the lock before.
        return jdbc.sql("""
                        select p.category, p.active, %s,
                               (select count(*) from cmd_open_loan l
                                where l.school_id = p.school_id and l.patron_id = p.patron_id) as open_loans,
                               (select count(*) from cmd_open_loan l
                                where l.school_id = p.school_id and l.patron_id = p.patron_id and l.due_on < ?) as overdue
                        from cmd_patron p where p.school_id = ? and p.patron_id = ?""".formatted(CLASS_HISTORY))
                .params(day, school.value(), patron.value())
                .query((rs, row) -> new PatronStanding(patron, PatronCategory.valueOf(rs.getString(1)), rs.getBoolean(2),
                        classHistory(rs, 3).classOn(day).orElse(null), rs.getInt(5), rs.getInt(6)))
                .optional();
    }

    public LoanPolicy policy(SchoolId school, PatronCategory category) {
        return jdbc.sql("""
                        select loan_days, max_loans, max_renewals, hold_pickup_days
                        from cmd_loan_policy where school_id = ? and category = ?""")
                .params(school.value(), category.name())
                .query((rs, row) -> new LoanPolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .optional()
                .orElseGet(() -> LoanPolicy.defaultFor(category));
    }

    public SchoolCalendar calendar(SchoolId school) {
        return new SchoolCalendar(jdbc.sql("select starts_on, ends_on, closed_days from cmd_school_year where school_id = ?")
                .param(school.value())
                .query((rs, row) -> new SchoolCalendar.Year(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate(),
                        dates(rs.getArray(3))))
                .list());
    }

    @Override
    public Optional<Member> memberOn(SchoolId school, PatronId patron, LocalDate day) {
        return jdbc.sql("select p.category, p.active, %s from cmd_patron p where p.school_id = ? and p.patron_id = ?"
                        .formatted(CLASS_HISTORY))
                .params(school.value(), patron.value())
                .query((rs, row) -> new Member(patron, PatronCategory.valueOf(rs.getString(1)), rs.getBoolean(2),
                        classHistory(rs, 3).classOn(day).orElse(null)))
                .optional();
    }

    /** Active students whose class on {@code day} was {@code classId}: the class roster that day. */
    @Override
    public Set<PatronId> studentsOfClassOn(SchoolId school, ClassId classId, LocalDate day) {
        // those who were ever in the class, then the one rule decides who was in it that day
        return jdbc.sql("""
                        select p.patron_id, %s from cmd_patron p
                        where p.school_id = ? and p.category = 'STUDENT' and p.active
                          and exists (select 1 from cmd_patron_class c
                                      where c.school_id = p.school_id and c.patron_id = p.patron_id and c.class_id = ?)"""
                        .formatted(CLASS_HISTORY))
                .params(school.value(), classId.value())
                .query((rs, row) -> classHistory(rs, 2).inClassOn(classId, day) ? PatronId.of(rs.getString(1)) : null)
                .list().stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<String> schoolYearOfClass(SchoolId school, ClassId classId) {
        return jdbc.sql("select school_year from cmd_class where school_id = ? and class_id = ?")
                .params(school.value(), classId.value()).query(String.class).optional();
    }

    /** The school year (its label) whose dates contain {@code day}. */
    @Override
    public Optional<String> schoolYearOn(SchoolId school, LocalDate day) {
        return jdbc.sql("select school_year from cmd_school_year where school_id = ? and ? between starts_on and ends_on")
                .params(school.value(), day).query(String.class).optional();
    }

    /** Whether the title has a copy that can ever be lent: one for loan, not withdrawn. */
    public boolean hasLoanableCopy(SchoolId school, TitleId title) {
        return exists("select 1 from cmd_copy where school_id = ? and title_id = ? and loanable and not withdrawn",
                school.value(), title.value());
    }

    /** Whether a copy of the title could be borrowed right now from the shelf. */
    public boolean copyOnShelf(SchoolId school, TitleId title) {
        return exists("""
                select 1 from cmd_copy c
                where c.school_id = ? and c.title_id = ? and c.loanable and not c.withdrawn and not c.on_loan
                  and not exists (select 1 from cmd_hold_shelf h where h.school_id = c.school_id and h.barcode = c.barcode)""",
                school.value(), title.value());
    }

    /** Whether any patron is waiting for the title or has a copy of it kept on the hold shelf. */
    public boolean hasOpenHolds(SchoolId school, TitleId title) {
        return exists("select 1 from cmd_hold where school_id = ? and title_id = ? and not closed", school.value(), title.value());
    }

    /** The holds a patron still has open, waiting or on the hold shelf. */
    public List<OpenHold> openHoldsOf(SchoolId school, PatronId patron) {
        return jdbc.sql("select hold_id, title_id from cmd_hold where school_id = ? and patron_id = ? and not closed order by hold_id")
                .params(school.value(), patron.value())
                .query((rs, row) -> new OpenHold(HoldId.of(rs.getObject(1, UUID.class)), TitleId.of(rs.getObject(2, UUID.class))))
                .list();
    }

    public Optional<TitleId> titleOfHold(SchoolId school, HoldId hold) {
        return jdbc.sql("select title_id from cmd_hold where school_id = ? and hold_id = ?")
                .params(school.value(), hold.value())
                .query((rs, row) -> TitleId.of(rs.getObject(1, UUID.class)))
                .optional();
    }

    public Optional<Barcode> copyOfOpenLoan(SchoolId school, LoanId loan) {
        return jdbc.sql("select barcode from cmd_open_loan where school_id = ? and loan_id = ?")
                .params(school.value(), loan.value())
                .query((rs, row) -> Barcode.of(rs.getString(1)))
                .optional();
    }

    /** Open loans whose due date has passed but that no event has called overdue yet. */
    public List<DueLoan> loansDueBefore(LocalDate day, int limit) {
        return jdbc.sql("""
                        select school_id, loan_id, barcode from cmd_open_loan
                        where due_on < ? and not overdue_marked order by due_on limit ?""")
                .params(day, limit)
                .query((rs, row) -> new DueLoan(SchoolId.of(rs.getString(1)), LoanId.of(rs.getObject(2, UUID.class)),
                        Barcode.of(rs.getString(3))))
                .list();
    }

    /** Holds whose copy waited on the hold shelf past its last pickup day. */
    public List<UncollectedHold> holdsUncollectedBefore(LocalDate day, int limit) {
        return jdbc.sql("""
                        select school_id, hold_id, title_id from cmd_hold_shelf
                        where pickup_by < ? order by pickup_by limit ?""")
                .params(day, limit)
                .query((rs, row) -> new UncollectedHold(SchoolId.of(rs.getString(1)), HoldId.of(rs.getObject(2, UUID.class)),
                        TitleId.of(rs.getObject(3, UUID.class))))
                .list();
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

    /** Whether {@code sql} finds any row at all (it may find many). */
    private boolean exists(String sql, Object... params) {
        return jdbc.sql("select exists (" + sql + ")").params(params).query(Boolean.class).single();
    }

    private static Set<LocalDate> dates(Array array) throws SQLException {
        return Arrays.stream((java.sql.Date[]) array.getArray()).map(java.sql.Date::toLocalDate).collect(Collectors.toSet());
    }

    /** A patron as a checkout sees them: category, whether active, class today, loans open and overdue. */
    public record PatronStanding(PatronId patronId, PatronCategory category, boolean active, ClassId classId,
            int openLoans, int overdueLoans) {
    }

    public record OpenHold(HoldId holdId, TitleId titleId) {
    }

    public record DueLoan(SchoolId schoolId, LoanId loanId, Barcode barcode) {
    }

    public record UncollectedHold(SchoolId schoolId, HoldId holdId, TitleId titleId) {
    }
}
