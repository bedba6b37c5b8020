package vn.motsach.query.evaluation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Coverage as the school directory knows it today: each school names one authority, whatever the
 * school year. To be replaced by the authorities' tree (an authority covering every school below
 * it, a school's authority per school year) once authorities are registered.
 */
@Component
class SchoolDirectoryCoverage implements AuthorityCoverage {

    private final JdbcClient jdbc;

    SchoolDirectoryCoverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> schools(String authorityId, String schoolYear) {
        return jdbc.sql("select school_id from qs_school where authority_id = ? order by school_id")
                .param(authorityId)
                .query(String.class)
                .list();
    }

    @Override
    public Map<String, List<String>> authoritiesAbove(Collection<String> schools, String schoolYear) {
        Map<String, List<String>> above = new HashMap<>();
        jdbc.sql("select school_id, authority_id from qs_school where school_id = any(?)")
                .param(schools.toArray(String[]::new))
                .query(rs -> {
                    String authority = rs.getString("authority_id");
                    above.put(rs.getString("school_id"), authority == null ? List.of() : List.of(authority));
                });
        return above;
    }
}
