package vn.motsach.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import vn.motsach.local.LocalInstance;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.BenchmarkReport;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestDirectories;

/**
 * The authority's Circular 16 answer over many schools ({@code -Dbench.schools}, 500 by default),
 * each set up through the API with a class of students, copies, a loan and a declared profile;
 * baseline from the same run: a primary-key read of one school. The two are measured in turns.
 * Prints and keeps target/benchmarks/circular-16-authority.md; asserts nothing on timing.
 */
class Circular16AuthorityBenchmark {

    private static final int SCHOOLS = Integer.getInteger("bench.schools", 500);
    private static final int STUDENTS = Integer.getInteger("bench.students", 10);
    private static final int COPIES = Integer.getInteger("bench.copies", 12);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 60);
    private static final int WRITERS = Integer.getInteger("bench.writers", 8);
    private static final String AUTHORITY = "so-bench-tt16";

    @Test
    void theAuthoritysAnswerAgainstAPrimaryKeyRead() throws Exception {
        Path data = TestDirectories.create("bench-tt16-");
        try (ConfigurableApplicationContext app = LocalInstance.start(data, "--logging.level.root=WARN")) {
            ApiClient api = new ApiClient(LocalInstance.port(app));
            LocalDate today = LocalDate.now(app.getBean(Clock.class));
            String year = LibraryFixture.schoolYearHolding(today);
            long seedStarted = System.nanoTime();
            AtomicLong position = new AtomicLong();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < SCHOOLS; i++) {
                String school = "th-bench-%04d".formatted(i);
                done.add(writers.submit(() -> position.accumulateAndGet(seed(api, school, today, year), Math::max)));
            }
            for (Future<?> school : done) {
                school.get();
            }
            writers.shutdown();
            double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;
            String report = "/api/v1/authorities/" + AUTHORITY + "/circular-16/" + year;
            JsonNode first = api.get(report, "X-Min-Event-Position", Long.toString(position.get())).json();
            assertThat(first.path("total").path("schools").asInt()).isEqualTo(SCHOOLS);

            LatencyRecorder authority = new LatencyRecorder(SAMPLES);
            LatencyRecorder primaryKey = new LatencyRecorder(SAMPLES);
            for (int i = 0; i < 5; i++) {
                api.get(report);
                api.get("/api/v1/schools/th-bench-0000");
            }
            for (int i = 0; i < SAMPLES; i++) {
                long started = System.nanoTime();
                assertThat(api.get(report).status()).isEqualTo(200);
                authority.record(System.nanoTime() - started);
                started = System.nanoTime();
                assertThat(api.get("/api/v1/schools/th-bench-%04d".formatted(i % SCHOOLS)).status()).isEqualTo(200);
                primaryKey.record(System.nanoTime() - started);
            }
            String markdown = String.format(Locale.ROOT, """
                    ## Circular 16: an authority's answer over %d schools

                    Local all-in-one, 2 shared cores. Each school: one class of %d students, %d copies, a loan, a declared
                    profile; set up through the API by %d writers in %.0f s. %d samples each, measured in turns.

                    | Request | p50 ms | p95 ms | p99 ms |
                    |---|---|---|---|
                    | GET /api/v1/authorities/{id}/circular-16/{year} (%d schools) | %.1f | %.1f | %.1f |
                    | GET /api/v1/schools/{id} (primary-key read, baseline) | %.1f | %.1f | %.1f |

                    Target: the authority's answer p95 under 1,000 ms.
                    """, SCHOOLS, STUDENTS, COPIES, WRITERS, seedSeconds, SAMPLES, SCHOOLS, authority.millis(50), authority.millis(95),
                    authority.millis(99), primaryKey.millis(50), primaryKey.millis(95), primaryKey.millis(99));
            BenchmarkReport.write("circular-16-authority", markdown);
        }
    }

    /** A primary school of the authority, through the API; the position of its last event. */
    private static long seed(ApiClient api, String id, LocalDate today, String year) {
        LibraryFixture school = new LibraryFixture(api, id);
        school.expect(201, api.put(school.base(), "{\"name\":\"Trường Tiểu học " + id + "\",\"educationLevels\":[\"PRIMARY\"],"
                + "\"authorityId\":\"" + AUTHORITY + "\"}"));
        school.expect(201, school.scheduleYearHolding(today));
        school.expect(201, api.put(school.base() + "/classes/1a", "{\"name\":\"1A\",\"grade\":1,\"schoolYear\":\"" + year + "\"}"));
        for (int i = 0; i < STUDENTS; i++) {
            school.patron("hs-" + i, "Học Sinh " + i, "STUDENT", "1a");
        }
        String title = school.title("Truyện cổ tích Việt Nam");
        for (int i = 0; i < COPIES; i++) {
            school.copy("B-" + i, title);
        }
        school.expect(201, school.checkOut("B-0", "hs-0"));
        return school.expect(200, api.put(school.base() + "/library-profile/" + year,
                "{\"readingRoomM2\":55,\"seats\":30,\"criteria\":[{\"criterionId\":\"S3-FURNITURE\",\"met\":true}]}")).eventPosition();
    }
}
