package vn.motsach.query.registers;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.motsach.infra.web.DayRange;
import vn.motsach.query.documents.DocumentFormat;
import vn.motsach.query.documents.DocumentHeading;
import vn.motsach.query.documents.TableDocuments;
import vn.motsach.query.documents.TableWriter;
import vn.motsach.testing.BenchmarkReport;
import vn.motsach.testing.ProjectionDatabase;
import vn.motsach.testing.TestInfrastructure;

/**
 * The individual register of one school's 100,000 copies (-Dbench.copies for another size), read
 * with its cursor from PostgreSQL and written as XLSX and as PDF to a stream that keeps nothing:
 * the time of each, and the peak of the heap while it is written, in use and live. Run: ./mvnw -B verify -Pbenchmark -pl query-side -am
 * -Dit.test=RegisterBenchmark
 */
class RegisterBenchmark {

    private static final String SCHOOL = "bench-register";
    private static final int COPIES = Integer.getInteger("bench.copies", 100_000);

    @Test
    void theIndividualRegisterOfAWholeLibrary() throws Exception {
        ProjectionDatabase.migrated("query", "classpath:db/query");
        var infrastructure = TestInfrastructure.properties(System.getProperty(TestInfrastructure.KIND_PROPERTY, "auto"));
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl((String) infrastructure.get("spring.datasource.url"));
            dataSource.setUsername((String) infrastructure.get("spring.datasource.username"));
            dataSource.setPassword((String) infrastructure.get("spring.datasource.password"));
            dataSource.setMaximumPoolSize(2);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            load(jdbc);
            IndividualRegister register = new IndividualRegister(jdbc, new DataSourceTransactionManager(dataSource));

            write(register, DocumentFormat.XLSX, false); // warm-up: the JVM compiles the writers' paths
            double baseline = readOnly(register);
            Run xlsx = write(register, DocumentFormat.XLSX, false);
            Run pdf = write(register, DocumentFormat.PDF, false);
            long xlsxHeap = write(register, DocumentFormat.XLSX, true).peakHeap();
            long pdfHeap = write(register, DocumentFormat.PDF, true).peakHeap();

            assertThat(xlsx.bytes()).isPositive();
            BenchmarkReport.write("registers", String.format(Locale.ROOT, """
                    ## The individual register of %d copies, streamed from a cursor

                    | Format | seconds | ratio to the rows read alone | size (MB) | peak heap in use, above the start (MB) | peak heap live, above the start (MB) |
                    |---|---|---|---|---|---|
                    | XLSX | %.1f | %.1f | %.1f | %d | %d |
                    | PDF | %.1f | %.1f | %.1f | %d | %d |
                    | Baseline: the same rows read through the cursor, written nowhere | %.2f | 1 | | | |

                    Heap in use: sampled every 5 ms while the document is written, garbage included, as the
                    collector of a 2 GB heap lets it grow. Heap live: in another run, what a full collection
                    every 200 ms left in the heap (that run's time is not the one above). Both above the heap live
                    when the writing starts (%d MB: the test JVM with its embedded infrastructure).
                    """, COPIES, xlsx.seconds(), xlsx.seconds() / baseline, xlsx.bytes() / 1e6, xlsx.peakHeap() >> 20,
                    xlsxHeap >> 20, pdf.seconds(), pdf.seconds() / baseline, pdf.bytes() / 1e6, pdf.peakHeap() >> 20,
                    pdfHeap >> 20, baseline, startHeap() >> 20));
        }
    }

    /** Writes the register; {@code live}: the heap is sampled after a full collection, else as it is. */
    private static Run write(IndividualRegister register, DocumentFormat format, boolean live) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = startHeap();
        AtomicLong peak = new AtomicLong(before);
        Thread watch = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(live ? startHeap() : memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(live ? 200 : 5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watch.setDaemon(true);
        watch.start();
        Counting out = new Counting();
        long started = System.nanoTime();
        DocumentHeading heading = new DocumentHeading("Trường THCS Lê Quý Đôn", "Sổ đăng ký cá biệt", "Toàn bộ sổ",
                LocalDate.of(2026, 5, 31));
        try (TableWriter table = TableDocuments.open(format, heading, IndividualRegister.COLUMNS, out)) {
            register.write(SCHOOL, new DayRange(null, null), table);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        watch.interrupt();
        watch.join();
        return new Run(seconds, out.bytes, peak.get() - before);
    }

    /** Seconds to read the register's rows, each made into its cells, written nowhere. */
    private static double readOnly(IndividualRegister register) {
        long started = System.nanoTime();
        register.write(SCHOOL, new DayRange(null, null), new TableWriter() {
            @Override
            public void row(List<?> cells) {
                // the rows alone
            }

            @Override
            public void close() {
            }
        });
        return (System.nanoTime() - started) / 1e9;
    }

    /** The heap live: what the heap's pools hold right after a full collection, as the collector measured it. */
    private static long startHeap() {
        System.gc();
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                .mapToLong(pool -> pool.getCollectionUsage().getUsed())
                .sum();
    }

    private static void load(JdbcClient jdbc) {
        jdbc.sql("delete from qs_copy where school_id = ?").param(SCHOOL).update();
        jdbc.sql("delete from qs_catalogue_title where school_id = ?").param(SCHOOL).update();
        jdbc.sql("""
                        insert into qs_catalogue_title (school_id, title_id, title, authors, publisher, published_year,
                                                        classification, subjects, doc_type, catalogued_at, sort_key, search_doc,
                                                        last_position)
                        select :school, md5(:school || i)::uuid, 'Truyện đọc lớp ' || (i % 12 + 1) || ' tập ' || i,
                               array['Nguyễn Văn Tác Giả ' || i % 997], 'Giáo dục Việt Nam', 2020, '895.922 NG-' || i % 50,
                               array[]::text[], 'CHILDREN', now(), 'truyen ' || i, ''::tsvector, i
                        from generate_series(1, :titles) i""")
                .param("school", SCHOOL).param("titles", Math.max(1, COPIES / 3)).update();
        jdbc.sql("""
                        insert into qs_copy (school_id, barcode, title_id, title, doc_type, loanable, acquired_on, source, price,
                                             status, withdrawn_on, withdrawal_reason, state_position, accession_position)
                        select :school, 'TN-' || lpad(i::text, 7, '0'), md5(:school || (i % :titles + 1))::uuid,
                               'Truyện đọc lớp ' || ((i % :titles + 1) % 12 + 1), 'CHILDREN', true,
                               date '2020-09-01' + (i / 100), 'Mua', 45000,
                               case when i % 50 = 0 then 'WITHDRAWN' else 'AVAILABLE' end,
                               case when i % 50 = 0 then date '2026-03-02' end, case when i % 50 = 0 then 'Rách nát' end, i, i
                        from generate_series(1, :copies) i""")
                .param("school", SCHOOL).param("titles", Math.max(1, COPIES / 3)).param("copies", COPIES).update();
    }

    private record Run(double seconds, long bytes, long peakHeap) {
    }

    /** Counts what is written and keeps nothing, as a client reading the download would. */
    private static final class Counting extends OutputStream {

        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            bytes += len;
        }
    }
}
