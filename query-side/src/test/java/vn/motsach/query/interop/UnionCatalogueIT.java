package vn.motsach.query.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.interop.Sharing;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.query.copies.CopyState;
import vn.motsach.testing.ProjectionDatabase;

/**
 * The union catalogue answers as the first statement did, on the real PostgreSQL: that statement
 * (the work computed per match, the members searched one at a time through the index's school
 * column) is kept here as the reference, and both answer the same queries, page by page, over a
 * group of six schools whose titles share works by ISBN and by folded title, author and year,
 * with two schools outside the group holding the same works.
 */
class UnionCatalogueIT {

    private static final String PREFIX = "uc-it-";
    private static final int MEMBERS = 6;
    private static final int OUTSIDE = 2;
    private static final int TITLES_PER_SCHOOL = 300;
    private static final int WORKS = 400;

    private static final String REFERENCE = """
            with q as materialized (
              select qs_catalogue_query(:q, '', false) as anywhere,
                     qs_catalogue_query(:q, 'A', true) as title_phrase,
                     qs_catalogue_query(:q, 'A', false) as in_title,
                     qs_catalogue_query(:q, 'B', false) as in_authors,
                     qs_catalogue_query(:q, 'C', false) as in_subjects),
            matched as (
              select t.school_id, t.title_id, t.sort_key,
                     case when regexp_replace(lower(coalesce(t.isbn, '')), '[^0-9x]', '', 'g') <> ''
                          then 'isbn:' || regexp_replace(lower(t.isbn), '[^0-9x]', '', 'g')
                          else 'work:' || qs_words(t.title) || '|' || coalesce(qs_words(t.authors[1]), '') || '|'
                               || coalesce(t.published_year::text, '') end as work,
                     (case when t.search_doc @@ q.title_phrase then 8 else 0 end
                      + case when t.search_doc @@ q.in_title then 4 else 0 end
                      + case when t.search_doc @@ q.in_authors then 2 else 0 end
                      + case when t.search_doc @@ q.in_subjects then 1 else 0 end
                      + ts_rank(t.search_doc, q.anywhere)) as score
              from q cross join unnest(cast(:schools as varchar[])) as member(school_id)
              join qs_catalogue_title t on t.school_id = member.school_id and t.search_doc @@ q.anywhere),
            works as (
              select work, max(score) as score, min(sort_key) as sort_key, count(*) over () as total_items
              from matched group by work
              order by score desc, sort_key, work
              limit :limit offset :offset)
            select w.work, w.total_items, m.school_id, m.title_id, n.available_copies, n.total_copies
            from works w
            join matched m on m.work = w.work
            cross join lateral (select count(*) filter (where %s = 'AVAILABLE') as available_copies,
                                       count(*) filter (where c.status not in ('WITHDRAWN', 'LOST')) as total_copies
                                from qs_copy c
                                %s
                                where c.school_id = m.school_id and c.title_id = m.title_id) n
            order by w.score desc, w.sort_key, w.work, m.school_id, m.sort_key, m.title_id"""
            .formatted(CopyState.STATUS, CopyState.OPEN_LOAN);

    private static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        jdbc = ProjectionDatabase.migrated("query", "classpath:db/query");
        load();
    }

    @Test
    void answersAsTheSearchOfEachMemberGatheredIntoWorks() {
        List<InteropGroupView.Member> members = new ArrayList<>();
        for (int s = 1; s <= MEMBERS; s++) {
            members.add(new InteropGroupView.Member(PREFIX + s, "Trường " + s));
        }
        InteropGroupView group = new InteropGroupView("uc-it-nhom", "uc-it-xa", "Nhóm", Sharing.AVAILABILITY, members);
        String[] schools = members.stream().map(InteropGroupView.Member::schoolId).toArray(String[]::new);
        UnionCatalogue union = new UnionCatalogue(jdbc);
        List<String> queries = new ArrayList<>(jdbc.sql("""
                        select distinct array_to_string((regexp_split_to_array(qs_words(title), ' '))[1:2], ' ')
                        from qs_catalogue_title where school_id like ? order by 1 limit 60""")
                .param(PREFIX + "%").query(String.class).list());
        // one word, a prefix still being typed, diacritics and capitals, an ISBN, and nothing found
        queries.addAll(List.of("truyen", "phieu luu", "Dế Mèn", "TÔ HOÀI", "9786040000007", "khong co dau"));

        long compared = 0;
        for (String q : queries) {
            for (Paging page : List.of(new Paging(0, 20), new Paging(1, 20), new Paging(0, 7))) {
                Page<UnionTitleView> answer = union.search(group, q, page);
                List<Row> reference = reference(q, schools, page);
                assertThat(rows(answer)).as("query '%s', page %d of %d", q, page.page(), page.size())
                        .containsExactlyElementsOf(reference);
                if (!reference.isEmpty()) {
                    assertThat(answer.totalItems()).as("works matched by '%s'", q).isEqualTo(reference.get(0).totalItems());
                }
                compared += reference.size();
            }
        }
        assertThat(compared).as("holdings compared").isGreaterThan(1000);
    }

    /** What a page says, one row per holding: its work's place on the page, the school and its title, the copies. */
    private record Row(int work, String schoolId, String titleId, int totalCopies, int availableCopies, long totalItems) {
    }

    private static List<Row> rows(Page<UnionTitleView> page) {
        List<Row> rows = new ArrayList<>();
        for (int w = 0; w < page.items().size(); w++) {
            for (UnionTitleView.Holding holding : page.items().get(w).holdings()) {
                rows.add(new Row(w, holding.schoolId(), holding.titleId(), holding.totalCopies(), holding.availableCopies(),
                        page.totalItems()));
            }
        }
        return rows;
    }

    private static List<Row> reference(String q, String[] schools, Paging page) {
        Map<String, Integer> works = new LinkedHashMap<>();
        return jdbc.sql(REFERENCE)
                .param("q", q)
                .param("schools", schools)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new Row(works.computeIfAbsent(rs.getString("work"), work -> works.size()),
                        rs.getString("school_id"), rs.getString("title_id"), rs.getInt("total_copies"),
                        rs.getInt("available_copies"), rs.getLong("total_items")))
                .list();
    }

    /**
     * A pool of works; each school's titles drawn from it, chosen by hashes so that every run loads
     * the same rows. A work without an ISBN is spelt in capitals in every other school, with its
     * author's name without diacritics in every third; a copy in seven is on loan.
     */
    private static void load() {
        for (String table : List.of("qs_copy", "qs_loan", "qs_catalogue_title", "qs_school")) {
            jdbc.sql("delete from " + table + " where school_id like ?").param(PREFIX + "%").update();
        }
        jdbc.sql("""
                        insert into qs_school (school_id, name, education_levels, registered_at, updated_at, last_position)
                        select :prefix || s, 'Trường ' || s, array['PRIMARY'], now(), now(), 0 from generate_series(1, :schools) s""")
                .param("prefix", PREFIX)
                .param("schools", MEMBERS + OUTSIDE)
                .update();
        jdbc.sql("""
                        with words as (select string_to_array('dế mèn phiêu lưu ký truyện cổ tích việt nam đất rừng phương tấm lòng '
                                        || 'cao cả tôi thấy hoa vàng trên cỏ xanh tuổi thơ dữ dội kính vạn hoa cánh đồng bất tận '
                                        || 'mắt biếc nhà giả kim hoàng tử bé đường về quê hương biển đảo', ' ') as w,
                                       array['Tô Hoài', 'Đoàn Giỏi', 'Nguyễn Nhật Ánh', 'Nguyễn Ngọc Tư', 'Phạm Hổ'] as a),
                        pool as (
                          select k,
                                 initcap(array_to_string(array(
                                   select w[1 + get_byte(decode(md5(k || ':' || i), 'hex'), 0) % array_length(w, 1)]
                                   from generate_series(1, 2 + k % 4) i), ' ')) as title,
                                 a[1 + k % array_length(a, 1)] as author,
                                 case when k % 3 = 0 then null else '978604' || lpad(k::text, 7, '0') end as isbn,
                                 2000 + k % 7 as year
                          from generate_series(1, :works) k, words)
                        insert into qs_catalogue_title (school_id, title_id, title, authors, isbn, published_year, subjects, doc_type,
                                                        catalogued_at, sort_key, search_doc, last_position)
                        select t.school, t.id, n.title, array[n.author], p.isbn, p.year, array['Thiếu nhi'], 'CHILDREN', now(),
                               qs_fold(n.title), qs_catalogue_doc(n.title, array[n.author], array['Thiếu nhi'], p.isbn), 0
                        from (select :prefix || s as school, s, md5(:prefix || s || ':' || j)::uuid as id,
                                     1 + (('x' || left(md5(s || '/' || j), 7))::bit(28)::int % :works) as work
                              from generate_series(1, :schools) s, generate_series(1, :titles) j) t
                        join pool p on p.k = t.work
                        cross join lateral (select case when p.isbn is null and t.s % 2 = 0 then upper(p.title) else p.title end as title,
                                                   case when t.s % 3 = 0 then unaccent(p.author) else p.author end as author) n
                        on conflict do nothing""")
                .param("prefix", PREFIX)
                .param("schools", MEMBERS + OUTSIDE)
                .param("titles", TITLES_PER_SCHOOL)
                .param("works", WORKS)
                .update();
        jdbc.sql("""
                        insert into qs_copy (school_id, barcode, title_id, title, doc_type, loanable, acquired_on, source, status, state_position)
                        select t.school_id, 'UC-' || left(replace(t.title_id::text, '-', ''), 20) || '-' || k, t.title_id, t.title, t.doc_type,
                               true, date '2026-08-01', 'Mua', case when k = 3 then 'WITHDRAWN' else 'AVAILABLE' end, 0
                        from qs_catalogue_title t, generate_series(1, 1 + get_byte(decode(md5(t.title_id::text), 'hex'), 0) % 3) k
                        where t.school_id like :pattern""")
                .param("pattern", PREFIX + "%")
                .update();
        jdbc.sql("""
                        insert into qs_loan (school_id, loan_id, barcode, title_id, title, patron_id, borrowed_at, due_on, last_position)
                        select c.school_id, md5(c.school_id || c.barcode)::uuid, c.barcode, c.title_id, c.title, 'hs-1', now(),
                               date '2026-09-21', 0
                        from qs_copy c where c.school_id like :pattern and get_byte(decode(md5(c.barcode), 'hex'), 1) % 7 = 0""")
                .param("pattern", PREFIX + "%")
                .update();
        jdbc.sql("analyze qs_catalogue_title").update();
    }
}
