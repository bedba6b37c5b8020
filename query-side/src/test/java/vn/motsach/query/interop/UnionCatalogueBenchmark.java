package vn.motsach.query.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.interop.Sharing;
import vn.motsach.infra.web.Paging;
import vn.motsach.query.catalogue.CatalogueSearch;
import vn.motsach.testing.BenchmarkReport;
import vn.motsach.testing.ProjectionDatabase;
import vn.motsach.testing.TestInfrastructure;

/**
 * Union catalogue search latency over a liên thông group of 50 schools holding 1,000,000 copies
 * in all, against one member school's own catalogue search of the same queries in the same run.
 * The schools draw their titles from one pool of works, so most works are held by several schools:
 * two thirds by ISBN, the others by title, author and year, half of those spelt in capitals, so
 * that works are gathered both ways. Queries are two consecutive words of a random title, typed
 * without diacritics. Rows are written straight into the projections' tables with the
 * projection's own search-document function, as the school catalogue's benchmark writes them.
 * Sizes: {@code -Dbench.schools}, {@code -Dbench.copies} (passed with {@code -Dbench.jvm=...}).
 */
class UnionCatalogueBenchmark {

    private static final String PREFIX = "bench-lt-";
    private static final int SCHOOLS = Integer.getInteger("bench.schools", 50);
    private static final int COPIES = Integer.getInteger("bench.copies", 1_000_000);
    private static final int COPIES_PER_TITLE = 5;
    private static final int TITLES_PER_SCHOOL = COPIES / SCHOOLS / COPIES_PER_TITLE;
    /** Each work is held by about five schools. */
    private static final int WORKS = Math.max(1, TITLES_PER_SCHOOL * SCHOOLS / 5);
    private static final int WARM_UP = 100;
    private static final int QUERIES = 500;

    private static final String SYLLABLES = """
            của và những trong cho người một các là có không đến với ngày em bé mẹ cha học sinh trường lớp sách đọc
            truyện cổ tích Việt Nam đất rừng phương tấm lòng cao cả dế mèn phiêu lưu ký tôi thấy hoa vàng trên cỏ xanh
            tuổi thơ dữ dội kính vạn cánh đồng bất tận mắt biếc nhà giả kim hoàng tử nhỏ đường về quê hương biển đảo núi
            sông gió mưa nắng mùa xuân hạ thu đông toán tiếng anh văn khoa tự nhiên xã hội lịch sử địa lý âm nhạc mỹ thuật
            thể dục giáo đạo đức kỹ năng sống bài tập nâng tham khảo hướng dẫn giải câu chuyện bác hồ kể chúng ta cùng
            nhau bạn thân yêu thương gia đình tình mái ấm chú bộ đội cô thầy ông bà cháu con mèo chó gà vịt cá voi rùa
            thỏ sói cáo gấu hổ sư ngựa trâu bò heo chim sẻ én cò vạc đêm trăng sao mặt trời ánh sáng bóng tối màu sắc vui
            buồn giận dỗi khóc cười hạnh phúc ước mơ hành trình khám phá bí mật kho báu phép thuật phù thủy rồng lửa băng
            tuyết thành phố làng chợ phiên tết đoàn viên lễ hội trung bánh chưng giầy thánh gióng sơn tinh thủy lạc long
            quân âu cơ tiên cây tre trăm đốt cám thạch sanh sọ dừa khế""";
    private static final String AUTHORS = "Tô Hoài|Đoàn Giỏi|Nguyễn Nhật Ánh|Edmondo De Amicis|Nguyễn Ngọc Tư|Xuân Quỳnh|"
            + "Võ Quảng|Trần Đăng Khoa|Nam Cao|Kim Lân|Ma Văn Kháng|Phạm Hổ|Nguyễn Quang Sáng|Thạch Lam|Vũ Bằng|Nguyễn Du";

    @Test
    void unionSearchLatencyAgainstOneSchoolsOwnSearch() {
        ProjectionDatabase.migrated("query", "classpath:db/query");
        // pooled, as the application's: a new connection per query would measure connecting
        var infrastructure = TestInfrastructure.properties(System.getProperty(TestInfrastructure.KIND_PROPERTY, "auto"));
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl((String) infrastructure.get("spring.datasource.url"));
        dataSource.setUsername((String) infrastructure.get("spring.datasource.username"));
        dataSource.setPassword((String) infrastructure.get("spring.datasource.password"));
        dataSource.setMaximumPoolSize(2);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long loadStarted = System.nanoTime();
        load(jdbc);
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;

        List<InteropGroupView.Member> members = new ArrayList<>();
        for (int s = 1; s <= SCHOOLS; s++) {
            members.add(new InteropGroupView.Member(PREFIX + s, "Trường " + s));
        }
        InteropGroupView group = new InteropGroupView("bench-nhom", "bench-xa", "Nhóm thử", Sharing.AVAILABILITY, members);
        UnionCatalogue union = new UnionCatalogue(jdbc);
        CatalogueSearch own = new CatalogueSearch(jdbc);
        String oneSchool = PREFIX + 1;
        List<String> queries = jdbc.sql("""
                        select array_to_string((regexp_split_to_array(qs_words(title), ' '))[1:2], ' ')
                        from qs_catalogue_title where school_id = ? order by md5(title_id::text) limit ?""")
                .param(oneSchool).param(WARM_UP + QUERIES).query(String.class).list();
        assertThat(queries).hasSize(WARM_UP + QUERIES);

        long worksSeen = 0;
        long holdingsSeen = 0;
        long[] unionNanos = new long[QUERIES];
        long[] ownNanos = new long[QUERIES];
        for (int i = 0; i < WARM_UP; i++) {
            union.search(group, queries.get(i), new Paging(0, 20));
            own.search(oneSchool, queries.get(i), null, new Paging(0, 20));
        }
        for (int i = 0; i < QUERIES; i++) {
            // interleaved, so that both see the same machine load
            String q = queries.get(WARM_UP + i);
            long started = System.nanoTime();
            var page = union.search(group, q, new Paging(0, 20));
            unionNanos[i] = System.nanoTime() - started;
            worksSeen += page.totalItems();
            holdingsSeen += page.items().stream().mapToInt(work -> work.holdings().size()).sum();
            started = System.nanoTime();
            own.search(oneSchool, q, null, new Paging(0, 20));
            ownNanos[i] = System.nanoTime() - started;
        }
        assertThat(worksSeen).isPositive();

        double p50 = BenchmarkReport.percentileMillis(unionNanos, 50);
        double p95 = BenchmarkReport.percentileMillis(unionNanos, 95);
        double p99 = BenchmarkReport.percentileMillis(unionNanos, 99);
        double b50 = BenchmarkReport.percentileMillis(ownNanos, 50);
        double b95 = BenchmarkReport.percentileMillis(ownNanos, 95);
        double b99 = BenchmarkReport.percentileMillis(ownNanos, 99);
        new BenchmarkReport("union-catalogue", "Union catalogue search: two-word queries over a group of %d schools and %,d copies"
                .formatted(SCHOOLS, COPIES))
                .line("Group: %d schools, %,d titles each (%,d works in the pool), %,d copies in all; loaded in %.0f s."
                        .formatted(SCHOOLS, TITLES_PER_SCHOOL, WORKS, TITLES_PER_SCHOOL * SCHOOLS * COPIES_PER_TITLE, loadSeconds))
                .line("Queries: %,d two-word queries without diacritics (after %d warm-up), first page of 20 works with totalItems;"
                        .formatted(QUERIES, WARM_UP) + " %,.0f works matched and %.1f holdings per page on average."
                        .formatted((double) worksSeen / QUERIES, (double) holdingsSeen / QUERIES))
                .line("Baseline: one member school's own catalogue search of the same query, interleaved.")
                .line("")
                .line("| | p50 | p95 | p99 |")
                .line("|---|---|---|---|")
                .line("| union catalogue (ms) | %.2f | %.2f | %.2f |".formatted(p50, p95, p99))
                .line("| one school's search (ms) | %.2f | %.2f | %.2f |".formatted(b50, b95, b99))
                .line("| union / one school | %.1f× | %.1f× | %.1f× |".formatted(p50 / b50, p95 / b95, p99 / b99))
                .line("")
                .line("Target: p95 under 100 ms. Measured p95: %.2f ms.".formatted(p95))
                .write();
        dataSource.close();
    }

    /**
     * A pool of works (title, author, year, an ISBN for two in three), each school's titles drawn
     * from it with five copies each, and about one copy in twenty on loan.
     */
    private static void load(JdbcClient jdbc) {
        for (String table : List.of("qs_copy", "qs_loan", "qs_catalogue_title", "qs_school")) {
            jdbc.sql("delete from " + table + " where school_id like ?").param(PREFIX + "%").update();
        }
        jdbc.sql("drop table if exists bench_work").update();
        jdbc.sql("""
                        create table bench_work as
                        select w, initcap(array_to_string(array(
                                  select s[1 + floor(array_length(s, 1) * power(random(), 1.6))::int]
                                  from generate_series(1, 3 + (random() * 6)::int + w * 0)), ' ')) as title,
                               a[1 + floor(random() * array_length(a, 1))::int + w * 0] as author,
                               s[1 + floor(random() * array_length(s, 1))::int + w * 0] as subject,
                               case when w % 3 = 0 then null else '978604' || lpad(w::text, 7, '0') end as isbn,
                               1990 + w % 35 as year
                        from generate_series(1, :works) w,
                             (select regexp_split_to_array(btrim(regexp_replace(:syllables, '\\s+', ' ', 'g')), ' ') as s,
                                     string_to_array(:authors, '|') as a) v""")
                .param("works", WORKS)
                .param("syllables", SYLLABLES)
                .param("authors", AUTHORS)
                .update();
        jdbc.sql("create index on bench_work (w)").update();
        jdbc.sql("""
                        insert into qs_school (school_id, name, education_levels, registered_at, updated_at, last_position)
                        select :prefix || s, 'Trường ' || s, array['PRIMARY'], now(), now(), 0 from generate_series(1, :schools) s""")
                .param("prefix", PREFIX)
                .param("schools", SCHOOLS)
                .update();
        // works without an ISBN are spelt in capitals in every other school: gathered by their folded title
        jdbc.sql("""
                        insert into qs_catalogue_title (school_id, title_id, title, authors, isbn, published_year, subjects, doc_type,
                                                        catalogued_at, sort_key, search_doc, last_position)
                        select t.school, t.id, n.title, array[w.author], w.isbn, w.year, array[w.subject], 'CHILDREN', now(),
                               qs_fold(n.title), qs_catalogue_doc(n.title, array[w.author], array[w.subject], w.isbn), 0
                        from (select :prefix || s as school, s, md5(:prefix || s || ':' || j)::uuid as id,
                                     1 + floor(random() * :works)::int + j * 0 as work
                              from generate_series(1, :schools) s, generate_series(1, :titles) j) t
                        join bench_work w on w.w = t.work
                        cross join lateral (select case when w.isbn is null and t.s % 2 = 0 then upper(w.title) else w.title end
                                            as title) n""")
                .param("prefix", PREFIX)
                .param("schools", SCHOOLS)
                .param("titles", TITLES_PER_SCHOOL)
                .param("works", WORKS)
                .update();
        jdbc.sql("""
                        insert into qs_copy (school_id, barcode, title_id, title, doc_type, loanable, acquired_on, source,
                                             status, state_position)
                        select t.school_id, 'LT-' || left(replace(t.title_id::text, '-', ''), 24) || '-' || k, t.title_id, t.title, t.doc_type,
                               true, date '2026-08-01', 'Mua', 'AVAILABLE', 0
                        from qs_catalogue_title t, generate_series(1, :copies) k
                        where t.school_id like :pattern""")
                .param("copies", COPIES_PER_TITLE)
                .param("pattern", PREFIX + "%")
                .update();
        jdbc.sql("""
                        insert into qs_loan (school_id, loan_id, barcode, title_id, title, patron_id, borrowed_at, due_on, last_position)
                        select c.school_id, md5(c.school_id || c.barcode)::uuid, c.barcode, c.title_id, c.title, 'hs-1', now(),
                               date '2026-09-21', 0
                        from qs_copy c where c.school_id like :pattern and get_byte(decode(md5(c.barcode), 'hex'), 0) < 13""")
                .param("pattern", PREFIX + "%")
                .update();
        jdbc.sql("drop table bench_work").update();
        jdbc.sql("vacuum analyze qs_catalogue_title").update();
        jdbc.sql("vacuum analyze qs_copy").update();
        jdbc.sql("vacuum analyze qs_loan").update();
    }
}
