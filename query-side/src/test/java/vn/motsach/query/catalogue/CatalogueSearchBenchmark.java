package vn.motsach.query.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.infra.web.Paging;
import vn.motsach.testing.BenchmarkReport;
import vn.motsach.testing.ProjectionDatabase;
import vn.motsach.testing.TestInfrastructure;

/**
 * OPAC search latency on a catalogue of 100,000 titles and 1,000,000 copies in one school (a
 * worst case: the school filter narrows nothing), against a primary-key read of one title on the
 * same PostgreSQL in the same run. Queries are two consecutive words of a random title typed
 * without diacritics, as readers type them, so common syllables (của, và, những) come up as
 * often as they occur. Titles are written with the projection's own search-document function.
 */
class CatalogueSearchBenchmark {

    private static final String SCHOOL = "bench-opac";
    private static final int TITLES = 100_000;
    private static final int COPIES_PER_TITLE = 10;
    private static final int WARM_UP = 200;
    private static final int QUERIES = 1_000;

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
    void searchLatencyAgainstAPrimaryKeyRead() {
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
        CatalogueSearch search = new CatalogueSearch(jdbc);

        Random random = new Random(42);
        List<String> queries = jdbc.sql("""
                        select array_to_string((regexp_split_to_array(qs_words(title), ' '))[1:2], ' ')
                        from qs_catalogue_title tablesample system (5) repeatable (42)
                        where school_id = ? limit ?""")
                .param(SCHOOL).param(WARM_UP + QUERIES).query(String.class).list();
        List<UUID> ids = jdbc.sql("select title_id from qs_catalogue_title where school_id = ? limit ?")
                .param(SCHOOL).param(WARM_UP + QUERIES).query(UUID.class).list();
        assertThat(queries).hasSize(WARM_UP + QUERIES);

        long matchesSeen = 0;
        long[] searchNanos = new long[QUERIES];
        long[] readNanos = new long[QUERIES];
        for (int i = 0; i < WARM_UP; i++) {
            search.search(SCHOOL, queries.get(i), null, new Paging(0, 20));
            search.title(SCHOOL, ids.get(i));
        }
        for (int i = 0; i < QUERIES; i++) {
            // interleaved, so that both see the same machine load
            String q = queries.get(WARM_UP + i);
            long started = System.nanoTime();
            matchesSeen += search.search(SCHOOL, q, null, new Paging(0, 20)).totalItems();
            searchNanos[i] = System.nanoTime() - started;
            UUID id = ids.get(random.nextInt(ids.size()));
            started = System.nanoTime();
            jdbc.sql("select title, published_year from qs_catalogue_title where school_id = ? and title_id = ?")
                    .param(SCHOOL).param(id).query((rs, row) -> rs.getString(1)).single();
            readNanos[i] = System.nanoTime() - started;
        }
        assertThat(matchesSeen).isPositive();

        double p50 = BenchmarkReport.percentileMillis(searchNanos, 50);
        double p95 = BenchmarkReport.percentileMillis(searchNanos, 95);
        double p99 = BenchmarkReport.percentileMillis(searchNanos, 99);
        double max = BenchmarkReport.percentileMillis(searchNanos, 100);
        double b50 = BenchmarkReport.percentileMillis(readNanos, 50);
        double b95 = BenchmarkReport.percentileMillis(readNanos, 95);
        new BenchmarkReport("catalogue-search", "Catalogue search: two-word queries on 100,000 titles and 1,000,000 copies")
                .line("Catalogue: %,d titles, %,d copies, one school; loaded in %.0f s.".formatted(TITLES, TITLES * COPIES_PER_TITLE,
                        loadSeconds))
                .line("Queries: %,d two-word queries without diacritics (after %d warm-up), first page of 20 with totalItems;"
                        .formatted(QUERIES, WARM_UP) + " %,.0f matches per query on average.".formatted((double) matchesSeen / QUERIES))
                .line("Baseline: a primary-key read of one title on the same PostgreSQL, interleaved with the searches.")
                .line("")
                .line("| | p50 | p95 | p99 | max |")
                .line("|---|---|---|---|---|")
                .line("| search (ms) | %.2f | %.2f | %.2f | %.2f |".formatted(p50, p95, p99, max))
                .line("| primary-key read (ms) | %.2f | %.2f | | |".formatted(b50, b95))
                .line("| search / primary-key read | %.1f× | %.1f× | | |".formatted(p50 / b50, p95 / b95))
                .line("")
                .line("Target: p95 under 50 ms. Measured p95: %.2f ms.".formatted(p95))
                .write();
        dataSource.close();
    }

    /** Titles from Vietnamese syllables (more common ones more often), authors, subjects, ISBNs and barcodes. */
    private static void load(JdbcClient jdbc) {
        jdbc.sql("delete from qs_copy where school_id = ?").param(SCHOOL).update();
        jdbc.sql("delete from qs_loan where school_id = ?").param(SCHOOL).update();
        jdbc.sql("delete from qs_catalogue_title where school_id = ?").param(SCHOOL).update();
        jdbc.sql("""
                        insert into qs_catalogue_title (school_id, title_id, title, authors, isbn, subjects, doc_type, catalogued_at,
                                                        sort_key, search_doc, last_position)
                        select :school, t.id, t.title, t.authors, t.isbn, t.subjects, t.doc_type, now(), qs_fold(t.title),
                               qs_catalogue_doc(t.title, t.authors, t.subjects, t.isbn), i
                        from (select i, md5(:school || i)::uuid as id,
                                     initcap(array_to_string(array(
                                        select s[1 + floor(array_length(s, 1) * power(random(), 1.6))::int]
                                        from generate_series(1, 3 + (random() * 6)::int + i * 0)), ' ')) as title,
                                     array[a[1 + floor(random() * array_length(a, 1))::int + i * 0]] as authors,
                                     array[s[1 + floor(random() * array_length(s, 1))::int + i * 0] || ' '
                                           || s[1 + floor(random() * array_length(s, 1))::int]] as subjects,
                                     '978604' || lpad(i::text, 7, '0') as isbn,
                                     (array['TEXTBOOK','REFERENCE','CHILDREN','GENERAL','TEACHER_PROFESSIONAL'])[1 + i % 5] as doc_type
                              from generate_series(1, :titles) i,
                                   (select regexp_split_to_array(btrim(regexp_replace(:syllables, '\\s+', ' ', 'g')), ' ') as s,
                                           string_to_array(:authors, '|') as a) v) t""")
                .param("school", SCHOOL)
                .param("titles", TITLES)
                .param("copies", COPIES_PER_TITLE)
                .param("syllables", SYLLABLES)
                .param("authors", AUTHORS)
                .update();
        jdbc.sql("""
                        insert into qs_copy (school_id, barcode, title_id, title, doc_type, loanable, acquired_on, source,
                                             status, state_position)
                        select :school, 'SGK-' || lpad((i * 10 + k)::text, 8, '0'), t.title_id, t.title, t.doc_type, true,
                               date '2026-08-01', 'Mua', 'AVAILABLE', i
                        from generate_series(1, :titles) i
                        join qs_catalogue_title t on t.school_id = :school and t.title_id = md5(:school || i)::uuid,
                             generate_series(0, :copies - 1) k""")
                .param("school", SCHOOL)
                .param("titles", TITLES)
                .param("copies", COPIES_PER_TITLE)
                .update();
        // a copy is on loan while its loan is open: up to three copies of a title are
        jdbc.sql("""
                        insert into qs_loan (school_id, loan_id, barcode, title_id, title, patron_id, borrowed_at, due_on,
                                             last_position)
                        select :school, md5(:school || 'loan' || i || ':' || k)::uuid, 'SGK-' || lpad((i * 10 + k)::text, 8, '0'),
                               md5(:school || i)::uuid, 'tựa ' || i, 'hs-' || (i % 1000), now(), date '2026-09-21', i
                        from generate_series(1, :titles) i, generate_series(0, 2) k
                        where k < i % 4""")
                .param("school", SCHOOL)
                .param("titles", TITLES)
                .update();
        jdbc.sql("vacuum analyze qs_catalogue_title").update();
        jdbc.sql("vacuum analyze qs_copy").update();
        jdbc.sql("vacuum analyze qs_loan").update();
    }
}
