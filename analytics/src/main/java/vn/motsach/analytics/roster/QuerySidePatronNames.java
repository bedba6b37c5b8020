package vn.motsach.analytics.roster;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Names read from the query side's patrons projection ({@code qs_patron}) in the same PostgreSQL,
 * read-only, by school and ids: the query side keeps every patron's current name from the event
 * store, so no copy of it is made here.
 */
public final class QuerySidePatronNames implements PatronNames {

    private final JdbcClient jdbc;

    public QuerySidePatronNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> of(String schoolId, Collection<String> patronIds) {
        if (patronIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select patron_id, full_name from qs_patron where school_id = :school and patron_id in (:ids)")
                .param("school", schoolId)
                .param("ids", List.copyOf(patronIds))
                .query((rs, row) -> Map.entry(rs.getString("patron_id"), rs.getString("full_name")))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
