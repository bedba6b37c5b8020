package vn.motsach.query.authorities;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.SchoolYear;
import vn.motsach.query.web.Sql;

/** {@link AuthorityCoverage} from the tree and the school-supervision projection, in one query. */
@Component
class JdbcAuthorityCoverage implements AuthorityCoverage {

    private final JdbcClient jdbc;

    JdbcAuthorityCoverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CoveredSchool> schoolsCoveredBy(AuthorityId authority, SchoolYear year) {
        return jdbc.sql(AuthorityTreeSql.BELOW + """
                        select s.school_id, s.name, s.education_levels, v.authority_id
                        from qs_school_supervision v join qs_school s on s.school_id = v.school_id
                        where v.authority_id in (select authority_id from below)
                          and (v.from_school_year is null or v.from_school_year <= :year)
                          and (v.until_school_year is null or v.until_school_year > :year)
                        order by s.school_id""")
                .param("authority", authority.value())
                .param("year", year.value())
                .query((rs, row) -> new CoveredSchool(rs.getString("school_id"), rs.getString("name"),
                        Sql.strings(rs, "education_levels").stream().map(EducationLevel::valueOf).toList(),
                        rs.getString("authority_id")))
                .list();
    }
}
