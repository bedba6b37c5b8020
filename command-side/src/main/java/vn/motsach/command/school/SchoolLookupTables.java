package vn.motsach.command.school;

import java.sql.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.command.execution.LookupTables;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.school.LoanPolicySet;
import vn.motsach.events.school.SchoolDetailsChanged;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolYearScheduled;

/** Keeps the school's lookup tables (schools and their education levels, school years, loan policies) in step with its events. */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
class SchoolLookupTables {

    private final JdbcClient jdbc;

    SchoolLookupTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SchoolRegistered event) {
        jdbc.sql("""
                        insert into cmd_school (school_id, education_levels) values (?, ?)
                        on conflict (school_id) do update set education_levels = excluded.education_levels""")
                .params(event.schoolId().value(), levels(event.educationLevels())).update();
    }

    @EventHandler
    void on(SchoolDetailsChanged event) {
        jdbc.sql("update cmd_school set education_levels = ? where school_id = ?")
                .params(levels(event.educationLevels()), event.schoolId().value()).update();
    }

    private static String[] levels(List<EducationLevel> levels) {
        return levels.stream().map(EducationLevel::name).toArray(String[]::new);
    }

    @EventHandler
    void on(SchoolYearScheduled event) {
        jdbc.sql("""
                        insert into cmd_school_year (school_id, school_year, starts_on, ends_on, closed_days)
                        values (?, ?, ?, ?, ?)
                        on conflict (school_id, school_year) do update
                        set starts_on = excluded.starts_on, ends_on = excluded.ends_on, closed_days = excluded.closed_days""")
                .params(event.schoolId().value(), event.schoolYear().value(), event.startsOn(), event.endsOn(),
                        event.closedDays().stream().map(Date::valueOf).toArray(Date[]::new))
                .update();
    }

    @EventHandler
    void on(LoanPolicySet event) {
        jdbc.sql("""
                        insert into cmd_loan_policy (school_id, category, loan_days, max_loans, max_renewals, hold_pickup_days)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (school_id, category) do update
                        set loan_days = excluded.loan_days, max_loans = excluded.max_loans,
                            max_renewals = excluded.max_renewals, hold_pickup_days = excluded.hold_pickup_days""")
                .params(event.schoolId().value(), event.category().name(), event.loanDays(), event.maxLoans(),
                        event.maxRenewals(), event.holdPickupDays())
                .update();
    }
}
