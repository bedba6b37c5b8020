package vn.motsach.query.patrons;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.query.web.Sql;

/**
 * The patrons of a school as a list: found by the words of their name or id the way the
 * catalogue finds titles (every word, ignoring case and diacritics, the last one also as a
 * prefix), filtered by their class and activity today, ordered as Vietnamese class lists are.
 */
@Component
class PatronDirectory {

    private final JdbcClient jdbc;

    PatronDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param classes the classes a teacher limited to theirs may see ({@code null}: any class)
     */
    Page<PatronSummaryView> find(String school, String q, String classId, String category, Boolean active,
            Set<String> classes, LocalDate today, Paging page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("school", school);
        parameters.put("on", today);
        if (q != null) {
            conditions.add("p.search_doc @@ qs_catalogue_query(:q, '', false)");
            parameters.put("q", q);
        }
        if (classId != null) {
            conditions.add("c.class_id = :class_id");
            parameters.put("class_id", classId);
        }
        if (classes != null) {
            conditions.add("c.class_id = any(:classes)");
            parameters.put("classes", classes.toArray(String[]::new));
        }
        if (category != null) {
            conditions.add("p.category = :category");
            parameters.put("category", category);
        }
        if (active != null) {
            conditions.add((active ? "" : "not ") + Memberships.ACTIVE_ON);
        }
        String from = "from qs_patron p " + Memberships.CLASS_ON + " where p.school_id = :school"
                + conditions.stream().map(condition -> " and " + condition).reduce("", String::concat);
        Map<String, Object> paged = new HashMap<>(parameters);
        paged.put("limit", page.size());
        paged.put("offset", page.offset());
        List<PatronSummaryView> items = jdbc.sql("select p.patron_id, p.full_name, p.category, p.registered_on, c.class_id, "
                        + Memberships.ACTIVE_ON + " as active " + from
                        + " order by qs_fold(substring(p.full_name from '([^ ]+)$')), qs_fold(p.full_name), p.patron_id"
                        + " limit :limit offset :offset")
                .params(paged)
                .query((rs, row) -> new PatronSummaryView(rs.getString("patron_id"), rs.getString("full_name"),
                        rs.getString("category"), rs.getString("class_id"), rs.getBoolean("active"),
                        Sql.date(rs, "registered_on")))
                .list();
        long total = jdbc.sql("select count(*) " + from).params(parameters).query(Long.class).single();
        return page.of(items, total);
    }
}
