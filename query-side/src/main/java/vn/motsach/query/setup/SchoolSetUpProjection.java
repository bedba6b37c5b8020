package vn.motsach.query.setup;

import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.school.LoanPolicySet;
import vn.motsach.events.school.SchoolYearScheduled;
import vn.motsach.query.EventPosition;

/**
 * What a school sets up once a year: the calendar of each school year and its loan policies.
 * Each write applies only over an older one, so an event seen twice, or late, changes nothing.
 */
@Component
@ProcessingGroup(SchoolSetUpProjection.NAME)
class SchoolSetUpProjection {

    static final String NAME = "school-set-up";

    private final JdbcClient jdbc;

    SchoolSetUpProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SchoolYearScheduled event, TrackingToken token) {
        jdbc.sql("""
                        insert into qs_school_year as y (school_id, school_year, starts_on, ends_on, semesters, closed_days, last_position)
                        values (:school, :year, :starts_on, :ends_on, cast(:semesters as jsonb), :closed_days, :position)
                        on conflict (school_id, school_year) do update set
                          starts_on = excluded.starts_on, ends_on = excluded.ends_on, semesters = excluded.semesters,
                          closed_days = excluded.closed_days, last_position = excluded.last_position
                        where y.last_position < excluded.last_position""")
                .param("school", event.schoolId().value())
                .param("year", event.schoolYear().value())
                .param("starts_on", event.startsOn())
                .param("ends_on", event.endsOn())
                // numbers and dates only: written here rather than through a JSON mapper
                .param("semesters", event.semesters().stream()
                        .map(s -> "{\"number\":%d,\"startsOn\":\"%s\",\"endsOn\":\"%s\"}".formatted(s.number(), s.startsOn(), s.endsOn()))
                        .collect(Collectors.joining(",", "[", "]")))
                .param("closed_days", event.closedDays().stream().sorted().map(Object::toString).toArray(String[]::new))
                .param("position", EventPosition.of(token))
                .update();
    }

    @EventHandler
    void on(LoanPolicySet event, TrackingToken token) {
        jdbc.sql("""
                        insert into qs_loan_policy as p
                          (school_id, category, loan_days, max_loans, max_renewals, hold_pickup_days, last_position)
                        values (:school, :category, :loan_days, :max_loans, :max_renewals, :hold_pickup_days, :position)
                        on conflict (school_id, category) do update set
                          loan_days = excluded.loan_days, max_loans = excluded.max_loans, max_renewals = excluded.max_renewals,
                          hold_pickup_days = excluded.hold_pickup_days, last_position = excluded.last_position
                        where p.last_position < excluded.last_position""")
                .param("school", event.schoolId().value())
                .param("category", event.category().name())
                .param("loan_days", event.loanDays())
                .param("max_loans", event.maxLoans())
                .param("max_renewals", event.maxRenewals())
                .param("hold_pickup_days", event.holdPickupDays())
                .param("position", EventPosition.of(token))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate qs_school_year, qs_loan_policy").update();
    }
}
