package vn.motsach.query.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motsach.events.DocType;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.query.copies.CopyState;
import vn.motsach.query.web.Sql;

/**
 * Catalogue search in PostgreSQL: the query's words, folded like the documents (case, diacritics,
 * đ), must all occur in a title's search document (title, authors, subjects, ISBN), found through
 * its GIN index; or the query, ignoring case, is the barcode of one of the title's copies still in
 * the collection, found through the copies' index of folded barcodes. Ranking
 * puts a title that holds the words as a phrase first, then one that holds them all in its title,
 * then in its authors, then in its subjects; within a rank, the text-search rank and the title's
 * alphabetical order decide, and a title found by barcode alone comes last.
 */
@Component
public class CatalogueSearch {

    private static final String TITLE_COLUMNS = """
            t.school_id, t.title_id, t.title, t.authors, t.isbn, t.publisher, t.published_year, t.classification,
            t.doc_type, t.subjects, t.language, t.sort_key""";

    /**
     * A title's copies, counted when a page is read rather than kept on the title row: a page has
     * few titles, and every checkout and return would otherwise rewrite its title's row, search
     * document and all.
     */
    private static final String WITH_COPY_COUNTS = """
            select t.*, n.available_copies, n.total_copies
            from %%s t
            cross join lateral (select count(*) filter (where %s = 'AVAILABLE') as available_copies,
                                       count(*) filter (where c.status not in ('WITHDRAWN', 'LOST')) as total_copies
                                from qs_copy c
                                %s
                                where c.school_id = t.school_id and c.title_id = t.title_id) n"""
            .formatted(CopyState.STATUS, CopyState.OPEN_LOAN);

    /**
     * The query's forms, built once in a materialised CTE so that rows are only tested against
     * them, and the titles that match: by their document, and, apart from those, by a copy's
     * barcode (one copy, found through the copies' own index).
     */
    /**
     * The forms of the words asked ({@code :q}) a title's search document is tested against, built
     * once: anywhere, as the title's phrase, in the title, the authors, the subjects. Opens a
     * {@code with} clause as {@code q}; the union catalogue scores with the same forms.
     */
    public static final String QUERY_FORMS = """
            with q as materialized (
              select qs_catalogue_query(:q, '', false) as anywhere,
                     qs_catalogue_query(:q, 'A', true) as title_phrase,
                     qs_catalogue_query(:q, 'A', false) as in_title,
                     qs_catalogue_query(:q, 'B', false) as in_authors,
                     qs_catalogue_query(:q, 'C', false) as in_subjects),
            """;

    private static final String MATCHED = QUERY_FORMS + """
            matched as (
              select t.* from q join qs_catalogue_title t on t.school_id = :school and t.search_doc @@ q.anywhere
              union all
              select t.* from q join qs_catalogue_title t on t.school_id = :school and not (t.search_doc @@ q.anywhere)
              where t.title_id in (select c.title_id from qs_copy c
                                   where c.school_id = :school and c.status not in ('WITHDRAWN', 'LOST')
                                     and lower(c.barcode) = lower(btrim(:q))))
            """;

    private final JdbcClient jdbc;

    public CatalogueSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Public as the baseline the union catalogue's benchmark measures against; the controller is its only caller in the application. */
    public Page<TitleView> search(String school, String q, DocType docType, Paging page) {
        return q == null ? browse(school, docType, page) : matching(school, q, docType, page);
    }

    private Page<TitleView> matching(String school, String q, DocType docType, Paging page) {
        List<Long> total = new ArrayList<>(1);
        List<TitleView> items = jdbc.sql(MATCHED + """
                        , found as (
                          select %s,
                                 (case when t.search_doc @@ q.title_phrase then 8 else 0 end
                                  + case when t.search_doc @@ q.in_title then 4 else 0 end
                                  + case when t.search_doc @@ q.in_authors then 2 else 0 end
                                  + case when t.search_doc @@ q.in_subjects then 1 else 0 end
                                  + ts_rank(t.search_doc, q.anywhere)) as score,
                                 count(*) over () as total_items
                          from q, matched t
                          where (cast(:doc_type as varchar) is null or t.doc_type = :doc_type)
                          order by score desc, t.sort_key, t.title_id
                          limit :limit offset :offset)
                        %s
                        order by t.score desc, t.sort_key, t.title_id""".formatted(TITLE_COLUMNS, WITH_COPY_COUNTS.formatted("found")))
                .param("q", q)
                .param("school", school)
                .param("doc_type", docType == null ? null : docType.name())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> {
                    if (total.isEmpty()) {
                        total.add(rs.getLong("total_items"));
                    }
                    return title(rs);
                })
                .list();
        return page.of(items, total.isEmpty() ? count(school, q, docType) : total.get(0));
    }

    /** Without words to match, the whole catalogue in alphabetical order of titles. */
    private Page<TitleView> browse(String school, DocType docType, Paging page) {
        List<TitleView> items = jdbc.sql("""
                        with listed as (
                          select %s from qs_catalogue_title t
                          where t.school_id = :school and (cast(:doc_type as varchar) is null or t.doc_type = :doc_type)
                          order by t.sort_key, t.title_id
                          limit :limit offset :offset)
                        %s
                        order by t.sort_key, t.title_id""".formatted(TITLE_COLUMNS, WITH_COPY_COUNTS.formatted("listed")))
                .param("school", school)
                .param("doc_type", docType == null ? null : docType.name())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> title(rs))
                .list();
        long total = jdbc.sql("""
                        select count(*) from qs_catalogue_title t
                        where t.school_id = :school and (cast(:doc_type as varchar) is null or t.doc_type = :doc_type)""")
                .param("school", school)
                .param("doc_type", docType == null ? null : docType.name())
                .query(Long.class)
                .single();
        return page.of(items, total);
    }

    /** The total when the page asked for lies beyond the last match. */
    private long count(String school, String q, DocType docType) {
        return jdbc.sql(MATCHED + """
                        select count(*) from matched t
                        where cast(:doc_type as varchar) is null or t.doc_type = :doc_type""")
                .param("school", school)
                .param("q", q)
                .param("doc_type", docType == null ? null : docType.name())
                .query(Long.class)
                .single();
    }

    java.util.Optional<TitleDetailView> title(String school, UUID titleId) {
        // the title's own columns, not its search document, which a long catalogue entry makes large
        String theTitle = "(select %s from qs_catalogue_title t where t.school_id = :school and t.title_id = :title_id)"
                .formatted(TITLE_COLUMNS);
        return jdbc.sql(WITH_COPY_COUNTS.formatted(theTitle))
                .param("school", school)
                .param("title_id", titleId)
                .query((rs, row) -> title(rs))
                .optional()
                .map(title -> new TitleDetailView(title.titleId(), title.title(), title.authors(), title.isbn(),
                        title.publisher(), title.publishedYear(), title.classification(), title.docType(), title.subjects(),
                        title.language(), title.availableCopies(), title.totalCopies(), copies(school, titleId)));
    }

    private List<TitleDetailView.TitleCopyView> copies(String school, UUID titleId) {
        return jdbc.sql("""
                        select c.barcode, %s as status, c.loanable from qs_copy c
                        %s
                        where c.school_id = :school and c.title_id = :title_id order by c.barcode"""
                        .formatted(CopyState.STATUS, CopyState.OPEN_LOAN))
                .param("school", school)
                .param("title_id", titleId)
                .query((rs, row) -> new TitleDetailView.TitleCopyView(rs.getString("barcode"), rs.getString("status"),
                        rs.getBoolean("loanable")))
                .list();
    }

    private static TitleView title(ResultSet rs) throws SQLException {
        return new TitleView(Sql.uuid(rs, "title_id"), rs.getString("title"), Sql.strings(rs, "authors"),
                rs.getString("isbn"), rs.getString("publisher"), Sql.integer(rs, "published_year"),
                rs.getString("classification"), rs.getString("doc_type"), Sql.strings(rs, "subjects"),
                rs.getString("language"), rs.getInt("available_copies"), rs.getInt("total_copies"));
    }
}
