package vn.motsach.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import vn.motsach.local.LocalInstance;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.BenchmarkReport;
import vn.motsach.testing.CpuUse;
import vn.motsach.testing.TestDirectories;

/**
 * Checkouts and returns through HTTP against the local all-in-one (durable embedded
 * PostgreSQL, Kafka publisher and Streams running), from 75 desks at once: at the desks' pace
 * just after the start and again once steady, then with every desk sending as fast as it can;
 * and, in the same run against the same PostgreSQL, the raw rate of single-row durable inserts
 * from 75 connections, the baseline the figures are divided by.
 * Run: ./mvnw -B verify -Pbenchmark -pl infra/local -am -Dit.test=CirculationBenchmark
 */
class CirculationBenchmark {

    private static final int DESKS = Integer.getInteger("bench.desks", 75);
    private static final int SCHOOLS = 5;
    /** Desks at work before the first measurement: the server has just started. */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 30));
    /**
     * Further desk work before the steady measurement. For the first minutes the JVM is still
     * compiling the request path: a checkout cost up to twice the CPU after 30 s of desks as after 4 min.
     */
    private static final Duration SETTLE = Duration.ofSeconds(Long.getLong("bench.settle-seconds", 150));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 45));
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** A librarian scans, hands over and scans the next book: a desk sends a request every so often. */
    private static final Duration THINK = Duration.ofMillis(Long.getLong("bench.think-millis", 500));

    @Test
    void checkoutsAndReturnsFrom75Desks() throws Exception {
        Path data = TestDirectories.create("bench-");
        try (ConfigurableApplicationContext app = LocalInstance.start(data, "--server.tomcat.threads.max=" + Integer.getInteger("bench.threads", 100), "--spring.datasource.hikari.maximum-pool-size=80",
                "--logging.level.root=WARN")) {
            ApiClient api = new ApiClient(LocalInstance.port(app));
            List<Desk> desks = setUp(api, LocalInstance.port(app));

            run(desks, WARM_UP, THINK, null, null);
            Paced early = measurePaced(desks);
            run(desks, SETTLE, THINK, null, null);
            Paced steady = measurePaced(desks);
            LatencyRecorder saturated = new LatencyRecorder(2_000_000);
            long saturationStarted = System.nanoTime();
            int failures = early.failures() + steady.failures()
                    + run(desks, MEASURE.dividedBy(3), Duration.ZERO, saturated, saturated).failures();
            double saturatedPerSecond = saturated.count() / ((System.nanoTime() - saturationStarted) / 1e9);

            InsertBaseline baseline = baseline(app.getEnvironment(), MEASURE.dividedBy(3));
            BenchmarkReport.write("circulation", String.format(Locale.ROOT, """
                    ## Circulation through HTTP, %d desks over %d schools, %d ms between a desk's requests

                    Two paced measurements of %.0f s each: just after the start (after %d s of desks) and steady
                    (after %d s of desks, when the JVM has compiled the request path).

                    | What | p50 ms | p95 ms | p99 ms | per second |
                    |---|---|---|---|---|
                    %s
                    %s
                    %s
                    %s
                    | Saturated: every desk sends again at once (checkouts and returns) | %.1f | %.1f | %.1f | %.0f |
                    | Baseline: single-row durable insert, %d connections | %.2f | %.2f | %.2f | %.0f |

                    Ratios to the baseline measured in the same run, steady: checkouts+returns/s = %.3f × inserts/s,
                    saturated = %.3f × inserts/s; checkout p95 = %.1f × insert p95; checkout p99 = %.1f × insert p99.
                    CPU per checkout or return, just started: %s; steady: %s (2 shared cores).
                    Failed requests: %d.
                    """,
                    DESKS, SCHOOLS, THINK.toMillis(), steady.seconds(), WARM_UP.toSeconds(),
                    WARM_UP.plus(MEASURE).plus(SETTLE).toSeconds(),
                    early.checkoutRow("Checkout (POST /checkouts), just started"), early.returnRow("Return (POST /checkins), just started"),
                    steady.checkoutRow("Checkout (POST /checkouts), steady"), steady.returnRow("Return (POST /checkins), steady"),
                    saturated.millis(50), saturated.millis(95), saturated.millis(99), saturatedPerSecond,
                    DESKS, baseline.latency().millis(50), baseline.latency().millis(95), baseline.latency().millis(99),
                    baseline.perSecond(),
                    steady.perSecond() / baseline.perSecond(), saturatedPerSecond / baseline.perSecond(),
                    steady.checkouts().millis(95) / baseline.latency().millis(95),
                    steady.checkouts().millis(99) / baseline.latency().millis(99),
                    early.cpu(), steady.cpu(), failures));
            assertThat(steady.checkouts().count()).isPositive();
            desks.forEach(desk -> desk.connection().close());
        }
    }

    /** The desks at their pace for {@link #MEASURE}: latencies, and the CPU each request cost. */
    private static Paced measurePaced(List<Desk> desks) throws Exception {
        LatencyRecorder checkouts = new LatencyRecorder(2_000_000);
        LatencyRecorder returns = new LatencyRecorder(2_000_000);
        long started = System.nanoTime();
        CpuUse cpuBefore = CpuUse.now();
        Ran ran = run(desks, MEASURE, THINK, checkouts, returns);
        CpuUse cpu = CpuUse.now().since(cpuBefore);
        return new Paced(checkouts, returns, (System.nanoTime() - started) / 1e9, cpu, ran);
    }

    private record Paced(LatencyRecorder checkouts, LatencyRecorder returns, double seconds, CpuUse used, Ran ran) {

        int failures() {
            return ran.failures();
        }

        long operations() {
            return checkouts.count() + returns.count();
        }

        double perSecond() {
            return operations() / seconds;
        }

        String checkoutRow(String what) {
            return row(what, checkouts);
        }

        String returnRow(String what) {
            return row(what, returns);
        }

        private String row(String what, LatencyRecorder latency) {
            return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.0f |", what, latency.millis(50), latency.millis(95),
                    latency.millis(99), latency.count() / seconds);
        }

        /** The desks run in this JVM too: their own threads' time is not the system's. */
        String cpu() {
            return String.format(Locale.ROOT, "%.2f ms in the system's JVM and %.2f ms in PostgreSQL (the desks' own threads %.2f ms)",
                    (used.jvmNanos() - ran.desksCpuNanos()) / 1e6 / operations(), used.postgresNanos() / 1e6 / operations(),
                    ran.desksCpuNanos() / 1e6 / operations());
        }
    }

    /** Each desk serves its own patron with its own two copies, in one of a few schools. */
    static List<Desk> setUp(ApiClient api, int port) {
        return setUp(api, port, SCHOOLS, DESKS);
    }

    /**
     * {@code count} desks, each serving its own patron with its own two copies, spread over
     * {@code schools} schools; in the order of their number, so that the first desks of the list
     * work in every school.
     */
    static List<Desk> setUp(ApiClient api, int port, int schools, int count) {
        List<Desk> desks = new ArrayList<>();
        for (int s = 0; s < schools; s++) {
            String base = "/api/v1/schools/bench-" + s;
            expect(api.put(base, "{\"name\":\"Trường " + s + "\",\"educationLevels\":[\"PRIMARY\"],\"authorityId\":\"xa-bench\"}"));
            expect(api.put(base + "/classes/5a1", "{\"name\":\"5A1\",\"grade\":5,\"schoolYear\":\"2026-2027\"}"));
            String titleId = expect(api.post(base + "/titles", "{\"title\":\"Dế Mèn phiêu lưu ký\",\"docType\":\"CHILDREN\"}"))
                    .text("titleId");
            for (int d = s; d < count; d += schools) {
                String patron = "hs-" + d;
                expect(api.put(base + "/patrons/" + patron, "{\"fullName\":\"Học sinh " + d + "\",\"category\":\"STUDENT\",\"classId\":\"5a1\"}"));
                List<String> copies = List.of("B-" + d + "-1", "B-" + d + "-2");
                for (String copy : copies) {
                    expect(api.post(base + "/copies", "{\"barcode\":\"" + copy + "\",\"titleId\":\"" + titleId + "\"}"));
                }
                desks.add(new Desk(new DeskConnection(port), base, patron, copies));
            }
        }
        desks.sort((a, b) -> Integer.compare(Integer.parseInt(a.patron().substring(3)), Integer.parseInt(b.patron().substring(3))));
        return desks;
    }

    static Ran run(List<Desk> desks, Duration duration, Duration think, LatencyRecorder checkouts,
            LatencyRecorder returns) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(desks.size());
        AtomicInteger failures = new AtomicInteger();
        AtomicLong desksCpu = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Desk desk : desks) {
                running.add(pool.submit(() -> {
                    DeskConnection api = desk.connection();
                    int turn = 0;
                    // a paced phase opens with the desks out of step, as they are at a library; starting
                    // them all at once put a burst of 75 simultaneous checkouts into every measurement
                    startOutOfStep(think);
                    long cpuStarted = THREADS.getCurrentThreadCpuTime();
                    while (System.nanoTime() < end) {
                        String copy = desk.copies().get(turn++ % desk.copies().size());
                        timed(checkouts, failures, () -> api.post(desk.base() + "/checkouts",
                                "{\"barcode\":\"" + copy + "\",\"patronId\":\"" + desk.patron() + "\"}"), 201);
                        pause(think);
                        timed(returns, failures, () -> api.post(desk.base() + "/checkins", "{\"barcode\":\"" + copy + "\"}"), 200);
                        pause(think);
                    }
                    desksCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStarted);
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Ran(failures.get(), desksCpu.get());
    }

    record Ran(int failures, long desksCpuNanos) {
    }

    private static void startOutOfStep(Duration think) {
        if (!think.isZero()) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(think.toMillis() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void pause(Duration think) {
        if (!think.isZero()) {
            try {
                // desks start out of step, as they would at a real library
                Thread.sleep(think.toMillis() / 2 + ThreadLocalRandom.current().nextLong(think.toMillis() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void timed(LatencyRecorder recorder, AtomicInteger failures, IntSupplier call, int expected) {
        long start = System.nanoTime();
        int status = call.getAsInt();
        long took = System.nanoTime() - start;
        if (status != expected) {
            failures.incrementAndGet();
        } else if (recorder != null) {
            recorder.record(took);
        }
    }

    /** The same number of connections, each inserting one row per durable commit, for a while. */
    private static InsertBaseline baseline(Environment environment, Duration duration) throws Exception {
        return InsertBaseline.measure(environment.getProperty("spring.datasource.url"), environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""), DESKS, duration);
    }

    private static ApiClient.Answer expect(ApiClient.Answer answer) {
        if (answer.status() >= 300) {
            throw new AssertionError(answer.status() + " " + answer.body());
        }
        return answer;
    }

    record Desk(DeskConnection connection, String base, String patron, List<String> copies) {
    }
}
