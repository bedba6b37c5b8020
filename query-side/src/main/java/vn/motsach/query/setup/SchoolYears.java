package vn.motsach.query.setup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.Semester;
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
        // a year asked is named; else the day no declared year had begun by (the message's second argument tells which)
        return year.orElseThrow(() -> asked != null ? ApiProblem.notFound("SCHOOL_YEAR_NOT_FOUND", asked, 0)
                : ApiProblem.notFound("SCHOOL_YEAR_NOT_FOUND", today, 1));
    }

    /**
     * The semester asked of the year, else the current one: the semester containing {@code today},
     * else the last one begun before it, else the year's first; 404 {@code SEMESTER_NOT_FOUND}
     * when the year has no such semester (or none at all).
     */
    public Semester semesterAskedOrCurrent(String school, YearDates year, Integer asked, LocalDate today) {
        List<Semester> semesters = semestersOf(school, year.schoolYear());
        Optional<Semester> found = asked != null
                ? semesters.stream().filter(s -> s.number() == asked).findFirst()
                : semesters.stream().filter(s -> !s.startsOn().isAfter(today)).reduce((earlier, later) -> later)
                        .or(() -> semesters.stream().findFirst());
        // 0 for none asked: the year has no semester at all
        return found.orElseThrow(() -> ApiProblem.notFound("SEMESTER_NOT_FOUND", asked != null ? asked : 0, year.schoolYear()));
    }

    /** The semesters the school declared for the year, in their order (none when the year has none). */
    public List<Semester> semestersOf(String school, String schoolYear) {
        return jdbc.sql("""
                        select cast(s ->> 'number' as integer) as number, cast(s ->> 'startsOn' as date) as starts_on,
                               cast(s ->> 'endsOn' as date) as ends_on
                        from qs_school_year y cross join jsonb_array_elements(y.semesters) s
                        where y.school_id = :school and y.school_year = :year
                        order by number""")
                .param("school", school).param("year", schoolYear)
                .query((rs, row) -> new Semester(rs.getInt("number"), Sql.date(rs, "starts_on"), Sql.date(rs, "ends_on")))
                .list();
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
