package vn.motsach.query.interop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.interop.Sharing;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.query.catalogue.CatalogueSearch;
import vn.motsach.query.copies.CopyState;
import vn.motsach.query.web.Sql;

/**
 * A group's union catalogue: the member schools' catalogues searched as one school's is (the same
 * folded search documents, query function and index), their titles gathered into works. A work is the titles sharing an ISBN, or, without one, the
 * same title, first author and year once case, diacritics and punctuation are folded away. Works
 * rank by their best title's score, as the school's own search ranks titles; a page is a page of
 * works, each with every member's holding of it. Nothing about readers is read: copies are counted,
 * and a copy on loan is only not available.
 */
@Component
class UnionCatalogue {

    private static final String TITLE_COLUMNS = """
            t.school_id, t.title_id, t.title, t.authors, t.isbn, t.publisher, t.published_year, t.doc_type, t.sort_key, t.work""";

    /**
     * The members' titles that match the words, with the school search's score; without words,
     * every member's title. The words are looked up once, through the search documents' index
     * with its school column left out, and the titles of schools outside the group dropped after:
     * one index scan per member, as the school's own search takes its school column, read the
     * words' postings again for every member, and took most of the time. A title's work is kept
     * with it ({@code qs_catalogue_work}, V21). Two statements rather than one with "no words or
     * a match": the planner cannot use the index for such a condition.
     */
    private static final String MATCHED = CatalogueSearch.QUERY_FORMS + """
            found as materialized (
              select %s, t.search_doc from q join qs_catalogue_title t on t.search_doc @@ q.anywhere),
            matched as (
              select %s,
                     (case when t.search_doc @@ q.title_phrase then 8 else 0 end
                      + case when t.search_doc @@ q.in_title then 4 else 0 end
                      + case when t.search_doc @@ q.in_authors then 2 else 0 end
                      + case when t.search_doc @@ q.in_subjects then 1 else 0 end
                      + ts_rank(t.search_doc, q.anywhere)) as score
              from q cross join found t
              where t.school_id = any(cast(:schools as varchar[])))
            """.formatted(TITLE_COLUMNS, TITLE_COLUMNS);

    private static final String LISTED = """
            with matched as (
              select %s, 0 as score from qs_catalogue_title t where t.school_id = any(:schools))
            """.formatted(TITLE_COLUMNS);

    private final JdbcClient jdbc;

    UnionCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<UnionTitleView> search(InteropGroupView group, String q, Paging page) {
        String[] schools = group.schools().stream().map(InteropGroupView.Member::schoolId).toArray(String[]::new);
        boolean availability = group.sharing().includes(Sharing.AVAILABILITY);
        Map<String, UnionTitleView> works = new LinkedHashMap<>();
        List<Long> total = new ArrayList<>(1);
        jdbc.sql(matched(q) + """
                        , works as (
                          select work, max(score) as score, min(sort_key) as sort_key, count(*) over () as total_items
                          from matched group by work
                          order by score desc, sort_key, work
                          limit :limit offset :offset)
                        select w.work, w.total_items, m.*, coalesce(s.name, m.school_id) as school_name,
                               n.available_copies, n.total_copies
                        from works w
                        join matched m on m.work = w.work
                        left join qs_school s on s.school_id = m.school_id
                        cross join lateral (select count(*) filter (where %s = 'AVAILABLE') as available_copies,
                                                   count(*) filter (where c.status not in ('WITHDRAWN', 'LOST')) as total_copies
                                            from qs_copy c
                                            %s
                                            where c.school_id = m.school_id and c.title_id = m.title_id) n
                        order by w.score desc, w.sort_key, w.work, m.school_id, m.sort_key, m.title_id"""
                        .formatted(CopyState.STATUS, CopyState.OPEN_LOAN))
                .param("q", q == null ? "" : q)
                .param("schools", schools)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> {
                    if (total.isEmpty()) {
                        total.add(rs.getLong("total_items"));
                    }
                    UnionTitleView.Holding holding = holding(rs, availability);
                    works.computeIfAbsent(rs.getString("work"), work -> {
                        try {
                            return work(rs);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }).holdings().add(holding);
                    return null;
                })
                .list();
        return page.of(List.copyOf(works.values()), total.isEmpty() ? count(q, schools) : total.get(0));
    }

    /** The number of works matched, when the page asked for lies beyond the last. */
    private long count(String q, String[] schools) {
        return jdbc.sql(matched(q) + "select count(distinct work) from matched")
                .param("q", q == null ? "" : q)
                .param("schools", schools)
                .query(Long.class)
                .single();
    }

    private static String matched(String q) {
        return q == null ? LISTED : MATCHED;
    }

    private static UnionTitleView work(ResultSet rs) throws SQLException {
        return new UnionTitleView(rs.getString("title"), Sql.strings(rs, "authors"), rs.getString("isbn"),
                rs.getString("publisher"), Sql.integer(rs, "published_year"), rs.getString("doc_type"), new ArrayList<>());
    }

    private static UnionTitleView.Holding holding(ResultSet rs, boolean availability) throws SQLException {
        return new UnionTitleView.Holding(rs.getString("school_id"), rs.getString("school_name"),
                Sql.uuid(rs, "title_id").toString(), rs.getInt("total_copies"),
                availability ? rs.getInt("available_copies") : null);
    }
}
