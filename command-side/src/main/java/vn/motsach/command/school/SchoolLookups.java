package vn.motsach.command.school;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.command.execution.RegisteredSchools;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.SchoolId;

/** What commands read about a school from its lookup tables; always inside the command's own transaction. */
@Component
public class SchoolLookups implements RegisteredSchools {

    private final JdbcClient jdbc;

    private final Set<SchoolId> registeredSchools = ConcurrentHashMap.newKeySet();

    SchoolLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every command asks; a school once registered stays, so a yes is remembered. */
    @Override
    public boolean isRegistered(SchoolId school) {
        if (registeredSchools.contains(school)) {
            return true;
        }
        boolean exists = jdbc.sql("select exists (select 1 from cmd_school where school_id = ?)")
                .param(school.value()).query(Boolean.class).single();
        if (exists) {
            registeredSchools.add(school);
        }
        return exists;
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

    /** The dates of the school year {@code schoolYear} (its label), when it is scheduled. */
    public Optional<SchoolCalendar.Year> schoolYear(SchoolId school, String schoolYear) {
        return jdbc.sql("select starts_on, ends_on, closed_days from cmd_school_year where school_id = ? and school_year = ?")
                .params(school.value(), schoolYear)
                .query((rs, row) -> new SchoolCalendar.Year(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate(),
                        dates(rs.getArray(3))))
                .optional();
    }

    /** The school year (its label) whose dates contain {@code day}. */
    public Optional<String> schoolYearOn(SchoolId school, LocalDate day) {
        return jdbc.sql("select school_year from cmd_school_year where school_id = ? and ? between starts_on and ends_on")
                .params(school.value(), day).query(String.class).optional();
    }

    /** The grades the school teaches, by the education levels it declared. */
    public SchoolGrades grades(SchoolId school) {
        Set<EducationLevel> levels = jdbc.sql("select education_levels from cmd_school where school_id = ?")
                .param(school.value())
                .query((rs, row) -> rs.getArray(1) == null ? Set.<EducationLevel>of()
                        : Arrays.stream((String[]) rs.getArray(1).getArray()).map(EducationLevel::valueOf)
                                .collect(Collectors.toSet()))
                .optional().orElse(Set.of());
        return new SchoolGrades(levels);
    }

    private static Set<LocalDate> dates(Array array) throws SQLException {
        return Arrays.stream((java.sql.Date[]) array.getArray()).map(java.sql.Date::toLocalDate).collect(Collectors.toSet());
    }
}
