package vn.motsach.local.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import vn.motsach.local.LocalInstance;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.BenchmarkReport;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestDirectories;

/**
 * A generated catalogue (30,000 titles, 100,000 copies by default) imported through HTTP into
 * the local all-in-one with every processor running, from MARC 21 and from XLSX; the MARC file
 * again (every record unchanged); three desks checking copies out and in, alone first and then during
 * each import, so that what an import does to the desks is the ratio of the two in the same
 * run (the machine's other work moves absolute figures); and, in the same run against the same
 * PostgreSQL, the raw rate of single-row durable inserts from one connection (an import is
 * applied by one thread), the baseline the figures are divided by. For each of the desks'
 * phases it reports the mechanism behind the latencies: what the database's sessions waited on
 * (locks, WAL), the CPU PostgreSQL and each kind of the JVM's threads used, and how long the
 * request threads waited for a core. The files are written to disk and streamed from it, so the
 * heap figures hold none of them.
 * Run: ./mvnw -B verify -Pbenchmark -pl infra/local -am -Dit.test=ImportBenchmark
 * (-Dbench.jvm="-Dbench.titles=... -Dbench.copies=... -Dbench.summary-chars=... -Xmx512m" for another size,
 * records padded to a file of another size, or another heap).
 */
class ImportBenchmark {

    private static final int TITLES = Integer.getInteger("bench.titles", 30_000);
    private static final int COPIES = Integer.getInteger("bench.copies", 100_000);
    /** Titles imported before the measurements: the JVM compiles the import's path during its first minutes. */
    private static final int WARM_UP_TITLES = Integer.getInteger("bench.warmup-titles", 2_000);
    /**
     * A summary (MARC 520) of this many characters in every MARC record: a file of a hundred megabytes
     * with the records a run has time to import, for the heap an import of such a file takes.
     */
    private static final int SUMMARY_CHARS = Integer.getInteger("bench.summary-chars", 0);
    /** How long the desk works alone, before the import, for the latencies the import's are compared with. */
    private static final Duration DESK_ALONE = Duration.ofSeconds(Integer.getInteger("bench.desk-alone-seconds", 60));
    /** Desks of the importing school, each with a copy of its own, alongside the imports. */
    private static final int DESKS = Math.max(1, Math.min(3, Integer.getInteger("bench.desks", 3)));
    /** How often PostgreSQL's sessions are sampled for what they wait on (the sampling costs some of the CPU it watches). */
    private static final int WAITS_EVERY_MILLIS = Integer.getInteger("bench.waits-every-ms", 100);
    private static final MarcFactory MARC = MarcFactory.newInstance();

    @Test
    void aCatalogueMovesIn() throws Exception {
        Path data = TestDirectories.create("bench-import-");
        try (ConfigurableApplicationContext app = LocalInstance.start(data, "--logging.level.root=WARN",
                "--motsach.web.max-upload-size=200MB")) {
            ApiClient api = new ApiClient(LocalInstance.port(app));
            LibraryFixture marcSchool = LibraryFixture.primarySchool(api, "bench-marc");
            LibraryFixture.primarySchool(api, "bench-xlsx");
            LibraryFixture.primarySchool(api, "bench-warmup");
            String deskTitle = marcSchool.title("Sách ở quầy");
            marcSchool.patron("hs-quay", "Lê Thị Quầy", "STUDENT", "5a4");
            List<String> readers = List.of("hs-an", "hs-binh", "hs-quay");
            for (int desk = 1; desk <= DESKS; desk++) {
                marcSchool.copy("DESK-" + desk, deskTitle);
            }
            importFile(api, "bench-warmup", marc(data.resolve("warmup.mrc"), "W", WARM_UP_TITLES, WARM_UP_TITLES * COPIES / TITLES));
            importFile(api, "bench-warmup", xlsx(data.resolve("warmup.xlsx"), "WX", WARM_UP_TITLES, WARM_UP_TITLES * COPIES / TITLES));
            Path marc = marc(data.resolve("catalogue.mrc"), "B", TITLES, COPIES);
            Path xlsx = xlsx(data.resolve("catalogue.xlsx"), "X", TITLES, COPIES);

            long liveBefore = HeapWatch.liveAfterCollection(true);
            long importThread = importThreadId();
            long allocatedBefore = allocated(importThread);
            HeapWatch heap = new HeapWatch();
            Desks desks = new Desks(LocalInstance.port(app), marcSchool.base(), readers.subList(0, DESKS));
            DatabaseWaits waits = new DatabaseWaits(app.getEnvironment(), WAITS_EVERY_MILLIS);
            long queued = RunQueueDelay.requestThreads();
            Thread.sleep(DESK_ALONE.toMillis());
            DeskPhase alone = desks.phase(waits, queued);
            long[] importThreadBefore = RunQueueDelay.thread("imports");
            Run first = importFile(api, "bench-marc", marc);
            long[] importThreadAfter = RunQueueDelay.thread("imports");
            long allocatedByFirst = allocated(importThread) - allocatedBefore;
            DeskPhase duringMarc = desks.phase(waits, alone.queuedUntil());
            // each import measured from a settled system: the projections caught up with the one before
            double marcSettled = caughtUp(api, "bench-marc", first);
            DeskPhase settlingMarc = desks.phase(waits, duringMarc.queuedUntil());
            Run again = importFile(api, "bench-marc", marc);
            DeskPhase duringAgain = desks.phase(waits, settlingMarc.queuedUntil());
            Run workbook = importFile(api, "bench-xlsx", xlsx);
            DeskPhase duringXlsx = desks.phase(waits, duringAgain.queuedUntil());
            double xlsxSettled = caughtUp(api, "bench-xlsx", workbook);
            desks.stop();
            waits.close();
            heap.stop();
            double inserts = baseline(app.getEnvironment(), Duration.ofSeconds(15));

            BenchmarkReport.write("import", String.format(Locale.ROOT, """
                    ## Catalogue import through HTTP, %d titles and %d copies (after %d titles imported to warm up)

                    | What | records | seconds | records/s | ratio to inserts/s |
                    |---|---|---|---|---|
                    | MARC 21 (ISO 2709, %.1f MB), first import | %d | %.1f | %.0f | %.3f |
                    | The same file again (all unchanged) | %d | %.1f | %.0f | %.3f |
                    | XLSX (%.1f MB), first import | %d | %.1f | %.0f | %.3f |
                    | Baseline: single-row durable inserts, one connection | | | %.0f | 1 |

                    Of each import's time, the job spent reading its file to count and check it, then applying it:
                    MARC 21 %.1f s + %.1f s, re-import %.1f s + %.1f s, XLSX %.1f s + %.1f s.

                    Re-import %.1f × faster than the first. %d desks, each checking a copy out and in every 500 ms:

                    | The desks | requests | failed | p50 ms | p95 ms | p99 ms | p95 ms, the JVM's collection pauses taken out | waiting for a core, ms a request |
                    |---|---|---|---|---|---|---|---|
                    %s
                    %s
                    %s
                    %s

                    p95 during the imports / p95 alone: MARC 21 %.2f, re-import %.2f, XLSX %.2f.
                    Peak heap in use (whole JVM: application, embedded Kafka broker, Streams, benchmark) %d MB.
                    The imports' own heap: the live heap (as each collection left it) rose at most %d MB above
                    what it was before them (the benchmark's files are on disk, not on the heap); the import thread
                    allocated %.1f MB during the first import, %.1f KB a record, all of it short-lived.
                    PostgreSQL's sessions sampled every %d ms.
                    The thread applying the first import: %.1f s on a core, %.1f s waiting for one, the rest of its
                    %.1f s waiting for PostgreSQL (or for the records read ahead). The query side's projections had
                    caught up %.1f s after the MARC 21 import finished, %.1f s after the XLSX one (the re-import
                    started once they had).

                    ### While the desks work alone
                    %s

                    %s
                    %s
                    ### During the first import (MARC 21)
                    %s

                    %s
                    %s
                    ### During the XLSX import
                    %s

                    %s
                    %s
                    """, TITLES, COPIES, WARM_UP_TITLES, Files.size(marc) / 1e6, first.records(), first.seconds(), first.perSecond(),
                    first.perSecond() / inserts, again.records(), again.seconds(), again.perSecond(), again.perSecond() / inserts,
                    Files.size(xlsx) / 1e6, workbook.records(), workbook.seconds(), workbook.perSecond(),
                    workbook.perSecond() / inserts, inserts, first.counting(), first.applying(), again.counting(),
                    again.applying(), workbook.counting(), workbook.applying(), first.seconds() / again.seconds(), DESKS,
                    alone.row("Alone, " + DESK_ALONE.toSeconds() + " s before the imports"), duringMarc.row("During the first import (MARC 21)"),
                    duringAgain.row("During the re-import"), duringXlsx.row("During the XLSX import"),
                    duringMarc.latency().millis(95) / alone.latency().millis(95),
                    duringAgain.latency().millis(95) / alone.latency().millis(95),
                    duringXlsx.latency().millis(95) / alone.latency().millis(95),
                    heap.peak.get() >> 20, Math.max(0, heap.livePeak.get() - liveBefore) >> 20, allocatedByFirst / 1e6,
                    allocatedByFirst / 1e3 / first.records(), WAITS_EVERY_MILLIS,
                    (importThreadAfter[0] - importThreadBefore[0]) / 1e9, (importThreadAfter[1] - importThreadBefore[1]) / 1e9,
                    first.seconds(), marcSettled, xlsxSettled, alone.pauses(), alone.cpu(), alone.waits(), duringMarc.pauses(),
                    duringMarc.cpu(), duringMarc.waits(), duringXlsx.pauses(), duringXlsx.cpu(), duringXlsx.waits()));
        }
    }

    /**
     * {@code titles} titles sharing {@code copies} copies evenly, in Vietnamese, barcodes after
     * {@code prefix}, written to {@code file}: the benchmark's heap holds none of it.
     */
    private static Path marc(Path file, String prefix, int titles, int copies) throws IOException {
        String sentence = "Tóm tắt nội dung. ";
        String summary = sentence.repeat(SUMMARY_CHARS / sentence.length() + 1).substring(0, SUMMARY_CHARS);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8");
            int barcode = 0;
            for (int t = 0; t < titles; t++) {
                Record record = MARC.newRecord("00000nam a2200000 a 4500");
                record.getLeader().setCharCodingScheme('a');
                record.addVariableField(MARC.newControlField("001", Integer.toString(t + 1)));
                record.addVariableField(MARC.newControlField("003", "BENCH-" + prefix));
                record.addVariableField(MARC.newDataField("100", '1', ' ', "a", "Nguyễn Văn Tác Giả " + t % 997));
                record.addVariableField(MARC.newDataField("245", '1', '0', "a", "Truyện đọc lớp " + (t % 12 + 1) + " tập " + t));
                record.addVariableField(MARC.newDataField("260", ' ', ' ', "b", "Giáo dục Việt Nam", "c", "2020"));
                record.addVariableField(MARC.newDataField("650", ' ', '4', "a", "Văn học thiếu nhi"));
                if (!summary.isEmpty()) {
                    record.addVariableField(MARC.newDataField("520", ' ', ' ', "a", summary));
                }
                record.addVariableField(MARC.newDataField("942", ' ', ' ', "c", "STK"));
                for (int c = 0; c < copiesOf(t, titles, copies); c++) {
                    barcode++;
                    record.addVariableField(MARC.newDataField("952", ' ', ' ', "p", prefix + barcode, "o", "895.922 T", "d",
                            "2024-05-01", "g", "45000", "7", "0"));
                }
                writer.write(record);
            }
            writer.close();
        }
        return file;
    }

    private static Path xlsx(Path file, String prefix, int titles, int copies) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Sách");
            cells(sheet.createRow(0), List.of("Số ĐKCB", "Nhan đề", "Tác giả", "Nhà xuất bản", "Năm xuất bản", "Chủ đề",
                    "Loại tài liệu", "Giá", "Ngày nhập"));
            int barcode = 0;
            for (int t = 0; t < titles; t++) {
                StringBuilder barcodes = new StringBuilder();
                for (int c = 0; c < copiesOf(t, titles, copies); c++) {
                    barcodes.append(c == 0 ? "" : ", ").append(prefix).append(++barcode);
                }
                cells(sheet.createRow(t + 1), List.of(barcodes.toString(), "Truyện đọc lớp " + (t % 12 + 1) + " tập " + t,
                        "Nguyễn Văn Tác Giả " + t % 997, "Giáo dục Việt Nam", "2020", "Văn học thiếu nhi", "Sách tham khảo",
                        "45000", "2024-05-01"));
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                workbook.write(out);
            }
            workbook.dispose();
            return file;
        }
    }

    /** Copies spread over titles: each title gets its share, the first ones one more. */
    private static int copiesOf(int title, int titles, int copies) {
        return copies / titles + (title < copies % titles ? 1 : 0);
    }

    private static void cells(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            row.createCell(i).setCellValue(values.get(i));
        }
    }

    private static Run importFile(ApiClient api, String school, Path file) throws InterruptedException {
        long started = System.nanoTime();
        ApiClient.Answer accepted = api.upload("/api/v1/schools/" + school + "/imports", file, Map.of("kind", "CATALOGUE"));
        if (accepted.status() != 202) {
            throw new AssertionError(accepted.status() + " " + accepted.body());
        }
        String location = accepted.header("Location").orElseThrow();
        while (true) {
            ApiClient.Answer job = api.get(location);
            String status = job.text("status");
            if (!"QUEUED".equals(status) && !"RUNNING".equals(status)) {
                if (!"SUCCEEDED".equals(status) || job.json().path("rejected").asInt() > 0) {
                    throw new AssertionError(job.body());
                }
                return new Run(job.json().path("total").asInt(), (System.nanoTime() - started) / 1e9,
                        job.header("X-Event-Position").map(Long::parseLong).orElse(0L),
                        secondsBetween(job.text("requestedAt"), job.text("startedAt")),
                        secondsBetween(job.text("startedAt"), job.text("finishedAt")));
            }
            Thread.sleep(200);
        }
    }

    /** One connection inserting one row per durable commit, for a while: inserts per second. */
    private static double baseline(Environment environment, Duration duration) throws Exception {
        String url = environment.getProperty("spring.datasource.url");
        String user = environment.getProperty("spring.datasource.username");
        String password = environment.getProperty("spring.datasource.password", "");
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute(
                    "create table if not exists bench_import_baseline (id bigserial primary key, title text, at timestamptz default now())");
            try (PreparedStatement insert = connection.prepareStatement("insert into bench_import_baseline (title) values (?)")) {
                long started = System.nanoTime();
                long end = started + duration.toNanos();
                long count = 0;
                while (System.nanoTime() < end) {
                    insert.setString(1, "Truyện đọc tập " + count);
                    insert.executeUpdate();
                    count++;
                }
                return count / ((System.nanoTime() - started) / 1e9);
            }
        }
    }

    /**
     * Seconds until the query side answers a read of the school at the position of the last event
     * {@code run} stored (read-your-writes, which waits up to 2 s and then answers 503).
     */
    private static double caughtUp(ApiClient api, String school, Run run) throws InterruptedException {
        long started = System.nanoTime();
        while (api.get("/api/v1/schools/" + school + "/titles?size=1", "X-Min-Event-Position", Long.toString(run.position()))
                .status() != 200) {
            Thread.sleep(100);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static double secondsBetween(String from, String to) {
        return Duration.between(Instant.parse(from), Instant.parse(to)).toMillis() / 1e3;
    }

    /** An import as the librarian saw it, and within it the job's reading to count and check, then its applying. */
    private record Run(int records, double seconds, long position, double counting, double applying) {

        double perSecond() {
            return records / seconds;
        }
    }

    /** The desk's requests of one phase, the time its request threads waited for a core, and the database's waits meanwhile. */
    private record DeskPhase(LatencyRecorder latency, LatencyRecorder unpaused, long failures, long queuedNanos, long queuedUntil,
            String waits, String cpu, String pauses) {

        String row(String what) {
            return String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", what, latency.count(), failures,
                    latency.millis(50), latency.millis(95), latency.millis(99), unpaused.millis(95),
                    queuedNanos / 1e6 / Math.max(1, latency.count()));
        }
    }

    /**
     * Librarians at the desks of the importing school: each a copy out and back every 500 ms, on a
     * connection of its own as a browser holds it ({@link DeskConnection}).
     */
    private static final class Desks {

        private volatile LatencyRecorder latency = new LatencyRecorder(100_000);
        /** Each request of the phase in hand: when it was sent and when its answer was read (System.nanoTime). */
        private volatile List<long[]> requests = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        private final CollectionPauses pauses = new CollectionPauses();
        private final AtomicLong failures = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new java.util.ArrayList<>();
        private ThreadCpu cpu = ThreadCpu.read();
        private long phaseStarted = System.nanoTime();

        Desks(int port, String school, List<String> readers) {
            for (int desk = 0; desk < readers.size(); desk++) {
                String barcode = "DESK-" + (desk + 1);
                String reader = readers.get(desk);
                Thread thread = new Thread(() -> work(port, school, barcode, reader), "bench-desk-" + (desk + 1));
                threads.add(thread);
                thread.start();
            }
        }

        private void work(int port, String school, String barcode, String reader) {
            boolean out = false;
            try (DeskConnection connection = new DeskConnection(port)) {
                while (running.get()) {
                    long start = System.nanoTime();
                    int status = out ? connection.post(school + "/checkins", "{\"barcode\":\"" + barcode + "\"}")
                            : connection.post(school + "/checkouts", "{\"barcode\":\"" + barcode + "\",\"patronId\":\"" + reader + "\"}");
                    long end = System.nanoTime();
                    latency.record(end - start);
                    requests.add(new long[] {start, end});
                    if (status >= 300) {
                        failures.incrementAndGet();
                    } else {
                        out = !out;
                    }
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The phase that ends now (from the run-queue reading {@code queuedSince}); the next one starts. */
        DeskPhase phase(DatabaseWaits waits, long queuedSince) {
            long queuedNow = RunQueueDelay.requestThreads();
            LatencyRecorder ended = latency;
            latency = new LatencyRecorder(100_000);
            List<long[]> sent = requests;
            requests = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            ThreadCpu cpuNow = ThreadCpu.read();
            long now = System.nanoTime();
            String used = cpuNow.since(cpu, (now - phaseStarted) / 1e9, 10);
            LatencyRecorder unpaused = new LatencyRecorder(100_000);
            String paused = pausesIn(sent, ended.millis(95), unpaused) + "; " + pauses.between(phaseStarted, now) + ".";
            cpu = cpuNow;
            phaseStarted = now;
            return new DeskPhase(ended, unpaused, failures.getAndSet(0), queuedNow - queuedSince, queuedNow, waits.takeReport(12),
                    used, paused);
        }

        /**
         * How many of the slowest requests (from the p95 up) the JVM stopped for a collection, and
         * into {@code unpaused} each request's time without the pauses inside it.
         */
        private String pausesIn(List<long[]> sent, double p95Millis, LatencyRecorder unpaused) {
            int slowest = 0;
            int slowestPaused = 0;
            synchronized (sent) {
                for (long[] request : sent) {
                    long stopped = pauses.pausedNanos(request[0], request[1]);
                    unpaused.record(request[1] - request[0] - stopped);
                    if ((request[1] - request[0]) / 1e6 >= p95Millis) {
                        slowest++;
                        slowestPaused += stopped > 0 ? 1 : 0;
                    }
                }
            }
            return String.format(Locale.ROOT, "Of the %d slowest requests (from the p95 up), %d met a collection pause of the JVM",
                    slowest, slowestPaused);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            pauses.close();
        }
    }

    /** The thread that applies imports (ImportRunner's), started by the warm-up's imports. */
    private static long importThreadId() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals("imports"))
                .mapToLong(Thread::getId).findFirst().orElseThrow();
    }

    private static long allocated(long threadId) {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getThreadAllocatedBytes(threadId);
    }

    /**
     * The most heap in use at once, sampled every 100 ms; and the most live heap, as the last
     * collection of each pool left it, which leaves out the garbage a sample of use counts.
     */
    private static final class HeapWatch {

        final AtomicLong peak = new AtomicLong();
        final AtomicLong livePeak = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        HeapWatch() {
            thread = new Thread(() -> {
                while (running.get()) {
                    long used = ManagementFactory.getMemoryPoolMXBeans().stream()
                            .filter(pool -> pool.getType() == MemoryType.HEAP).mapToLong(pool -> pool.getUsage().getUsed()).sum();
                    peak.accumulateAndGet(used, Math::max);
                    livePeak.accumulateAndGet(liveAfterCollection(false), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running.set(false);
        }

        /** The heap the last collection of each pool left in use; after a full collection first when asked. */
        static long liveAfterCollection(boolean collectFirst) {
            if (collectFirst) {
                System.gc();
            }
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                    .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
        }
    }
}
