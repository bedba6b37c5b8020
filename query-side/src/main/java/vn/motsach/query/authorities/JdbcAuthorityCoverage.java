package vn.motsach.query.authorities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    @Override
    public Map<String, List<String>> authoritiesAbove(Collection<String> schoolIds, SchoolYear year) {
        Map<String, List<String>> above = new HashMap<>();
        jdbc.sql("""
                        with recursive up (school_id, authority_id, depth) as (
                          select v.school_id, v.authority_id, 0 from qs_school_supervision v
                          where v.school_id = any(:schools) and v.authority_id is not null
                            and (v.from_school_year is null or v.from_school_year <= :year)
                            and (v.until_school_year is null or v.until_school_year > :year)
                          union all
                          select up.school_id, t.parent_id, up.depth + 1
                          from up join authority_tree t on t.authority_id = up.authority_id
                          where t.parent_id is not null and up.depth < 16)
                        select school_id, authority_id from up order by school_id, depth""")
                .param("schools", schoolIds.toArray(String[]::new))
                .param("year", year.value())
                .query(rs -> {
                    above.computeIfAbsent(rs.getString("school_id"), school -> new ArrayList<>())
                            .add(rs.getString("authority_id"));
                });
        for (String school : schoolIds) {
            above.putIfAbsent(school, List.of());
        }
        return above;
    }
}
