package vn.motsach.query.setup;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.query.web.Sql;

/** The school years a school has declared, as the documents covering a year read them. */
@Component
public class SchoolYears {

    private final JdbcClient jdbc;

    SchoolYears(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The year asked, else the current one: the declared year containing {@code today}, else the
     * last one begun before it (the summer between two years still reports on the one just
     * ended); 404 {@code SCHOOL_YEAR_NOT_FOUND} when the school has declared no such year.
     */
    public YearDates askedOrCurrent(String school, String asked, LocalDate today) {
        Optional<YearDates> year = asked != null ? find(school, "school_year = :year", asked, today)
                : find(school, "starts_on <= :today order by starts_on desc limit 1", null, today);
        return year.orElseThrow(() -> ApiProblem.notFound("SCHOOL_YEAR_NOT_FOUND", asked != null ? asked : today.toString()));
    }

    private Optional<YearDates> find(String school, String condition, String year, LocalDate today) {
        return jdbc.sql("select school_year, starts_on, ends_on from qs_school_year where school_id = :school and " + condition)
                .param("school", school).param("year", year).param("today", today)
                .query((rs, row) -> new YearDates(rs.getString("school_year"), Sql.date(rs, "starts_on"),
                        Sql.date(rs, "ends_on")))
                .optional();
    }

    /** A school year and its first and last days. */
    public record YearDates(String schoolYear, LocalDate startsOn, LocalDate endsOn) {
    }
}
