package vn.motsach.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.AnalyticsApplication;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.embedded.EmbeddedStack;
import vn.motsach.local.SideProcess;
import vn.motsach.local.bench.CirculationBenchmark.Desk;
import vn.motsach.query.QuerySideApplication;
import vn.motsach.testing.BenchmarkReport;
import vn.motsach.testing.CpuUse;
import vn.motsach.testing.TestDirectories;

/**
 * One command-side instance driven to saturation, the query side and the analytics side each in a
 * JVM of its own as production runs them, a durable PostgreSQL and the Kafka broker started by the test.
 * Desks (closed loop: a desk sends its next checkout or return as soon as the last is answered)
 * are added step by step until the rate stops rising; each step reports commands/s, latencies and
 * the CPU each command cost in each process: the three sides' JVMs, PostgreSQL's server processes,
 * and this JVM less the desks' own threads, which is the Kafka broker. In the same run, single-row
 * durable inserts into the same PostgreSQL give the baseline the rate is divided by. Last, the
 * command side is profiled at the plateau with Java Flight Recorder (started by {@code jcmd}, so
 * that the measured steps run without it) and its CPU broken down by area ({@link ProfileAreas}).
 * Run: ./mvnw -B verify -Pbenchmark -pl infra/local -am -Dit.test=CommandSaturationBenchmark
 */
class CommandSaturationBenchmark {

    private static final int[] DESK_STEPS = Arrays.stream(System.getProperty("bench.desk-steps", "2,4,8,16,32,64").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final int SCHOOLS = 8;
    /** At full load before the first step: the command side compiles its request path meanwhile. */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 150));
    private static final Duration STEP = Duration.ofSeconds(Long.getLong("bench.step-seconds", 30));
    private static final Duration PROFILE = Duration.ofSeconds(Long.getLong("bench.profile-seconds", 60));
    /** No desks, after the warm-up: what each process spends on its own (polling processors, Streams, Kafka's housekeeping). */
    private static final Duration IDLE = Duration.ofSeconds(Long.getLong("bench.idle-seconds", 20));
    /**
     * Between the warm-up and the rest measured, so that what is taken for rest is not the query
     * side and analytics still catching up on the warm-up's events.
     */
    private static final Duration SETTLE = Duration.ofSeconds(Long.getLong("bench.settle-seconds", 30));
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /**
     * As the image runs them (its JVM's defaults, full compilation), with a heap bound instead of a
     * share of a container's memory; the command side's frames exact between safepoints, for its profile.
     */
    private static final List<String> COMMAND_JVM = List.of("-Xmx512m", "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
            // Spring's stacks are deeper than the recorder's default 64 frames: the outer ones would be cut off
            "-XX:FlightRecorderOptions:stackdepth=256");
    private static final List<String> OTHER_JVM = List.of("-Xmx384m");

    private final List<SideProcess> sides = new ArrayList<>();
    private EmbeddedStack stack;

    @AfterEach
    void stopAll() {
        sides.forEach(SideProcess::close);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void oneCommandSideAtSaturation() throws Exception {
        // durable, as production's PostgreSQL is (the tests' shared one is not); on this machine, so that its processes' CPU can be read
        stack = EmbeddedStack.start(TestDirectories.create("saturation-stack-"), true, true, EmbeddedStack.Ports.anyFree(), true);
        Map<String, Object> infrastructure = stack.properties();
        String url = infrastructure.get("spring.datasource.url").toString();
        String user = infrastructure.get("spring.datasource.username").toString();
        String password = String.valueOf(infrastructure.getOrDefault("spring.datasource.password", ""));
        long postmaster;
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            postmaster = CpuUse.postmasterOf(connection);
        }
        Path data = TestDirectories.create("saturation-");
        // the pool and the settings of deploy/docker-compose.yml; the other settings their defaults
        String[] settings = {"--spring.datasource.hikari.maximum-pool-size=20",
                "--motsach.analytics.streams.application-id=saturation-" + UUID.randomUUID(), "--logging.level.root=INFO"};
        SideProcess command = SideProcess.start("command", CommandSideApplication.class, infrastructure, data, COMMAND_JVM, settings);
        SideProcess query = SideProcess.start("query", QuerySideApplication.class, infrastructure, data, OTHER_JVM, settings);
        SideProcess analytics = SideProcess.start("analytics", AnalyticsApplication.class, infrastructure, data, OTHER_JVM, settings);
        sides.addAll(List.of(command, query, analytics));
        for (SideProcess side : sides) {
            side.awaitReady(Duration.ofMinutes(8));
        }
        Processes processes = new Processes(command.pid(), query.pid(), analytics.pid(), postmaster);

        int mostDesks = Arrays.stream(DESK_STEPS).max().orElseThrow();
        List<Desk> desks = CirculationBenchmark.setUp(command.api(), command.port(), SCHOOLS, mostDesks);
        run(desks, WARM_UP, processes);
        Thread.sleep(SETTLE.toMillis());
        CpuSnapshot idleBefore = processes.snapshot();
        Thread.sleep(IDLE.toMillis());
        CpuSnapshot idle = processes.snapshot().since(idleBefore, 0);
        List<Step> steps = new ArrayList<>();
        for (int count : DESK_STEPS) {
            steps.add(run(desks.subList(0, count), STEP, processes).lessIdle(idle, IDLE));
        }
        Step plateau = steps.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
        InsertBaseline baseline = InsertBaseline.measure(url, user, password, plateau.desks(), STEP);

        Path recording = BenchmarkReport.directory().toAbsolutePath().resolve("command-saturation.jfr");
        Files.deleteIfExists(recording);
        command.jcmd("JFR.start", "name=saturation", "settings=" + profileSettings(), "filename=" + recording);
        Step profiled = run(desks.subList(0, plateau.desks()), PROFILE, processes).lessIdle(idle, IDLE);
        command.jcmd("JFR.stop", "name=saturation");
        ProfileAreas profile = ProfileAreas.of(recording);

        StringBuilder rows = new StringBuilder();
        for (Step step : steps) {
            rows.append(step.row(step == plateau ? "**" + step.desks() + "** (plateau)" : Integer.toString(step.desks()))).append('\n');
        }
        rows.append(profiled.row(profiled.desks() + ", profiled (JFR on the command side)")).append('\n');
        int failures = steps.stream().mapToInt(Step::failures).sum() + profiled.failures();
        BenchmarkReport.write("command-saturation", String.format(Locale.ROOT, """
                ## One command-side instance at saturation, the query and analytics sides in their own JVMs

                Checkouts and returns through HTTP from closed-loop desks over %d schools, %d s per step after %d s at %d desks.
                CPU per command, in ms, of each process over the step: the command, query and analytics sides' JVMs,
                PostgreSQL's server processes, and the test JVM less the desks' threads (the Kafka broker), each less
                what it used at rest over as long (measured for %d s with no desks, %d s after the warm-up, in ms per second:
                %s); "all" is their sum, "gross" the same without taking the rest off.

                | Desks | commands/s | p50 ms | p95 ms | p99 ms | command side | query side | analytics | PostgreSQL | Kafka broker | all | gross | failed |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|
                %s
                Baseline, in the same run: single-row durable inserts from %d connections, %.0f/s (p50 %.2f, p95 %.2f ms).
                Saturated: %.0f commands/s = %.3f × the inserts/s; p50 %.1f, p95 %.1f ms at the plateau.
                Failed requests: %d.

                ### Where the command side's CPU goes (JFR, settings=profile, %d s at %d desks)

                %s
                """,
                SCHOOLS, STEP.toSeconds(), WARM_UP.toSeconds(), mostDesks, IDLE.toSeconds(), SETTLE.toSeconds(), idle.perSecond(IDLE), rows, plateau.desks(),
                baseline.perSecond(), baseline.latency().millis(50), baseline.latency().millis(95),
                plateau.perSecond(), plateau.perSecond() / baseline.perSecond(), plateau.latency().millis(50), plateau.latency().millis(95),
                failures, PROFILE.toSeconds(), plateau.desks(), profile.markdown(profiled.gross().commandMillis())));
        assertThat(plateau.perSecond()).isPositive();
        desks.forEach(desk -> desk.connection().close());
    }

    /** The desks, each sending its next request as soon as it has the answer, for {@code duration}. */
    private static Step run(List<Desk> desks, Duration duration, Processes processes) throws Exception {
        LatencyRecorder latency = new LatencyRecorder(5_000_000);
        AtomicInteger failures = new AtomicInteger();
        AtomicLong desksCpu = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(desks.size());
        CpuSnapshot before = processes.snapshot();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Desk desk : desks) {
                running.add(pool.submit(() -> {
                    long cpuStarted = THREADS.getCurrentThreadCpuTime();
                    int turn = 0;
                    while (System.nanoTime() < end) {
                        String copy = desk.copies().get(turn++ % desk.copies().size());
                        timed(latency, failures, desk.connection(), desk.base() + "/checkouts",
                                "{\"barcode\":\"" + copy + "\",\"patronId\":\"" + desk.patron() + "\"}", 201);
                        timed(latency, failures, desk.connection(), desk.base() + "/checkins", "{\"barcode\":\"" + copy + "\"}", 200);
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
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuSnapshot used = processes.snapshot().since(before, desksCpu.get());
        return new Step(desks.size(), latency, seconds, used, used.perCommand(latency.count()), failures.get());
    }

    private static void timed(LatencyRecorder latency, AtomicInteger failures, DeskConnection connection, String path, String body,
            int expected) {
        long start = System.nanoTime();
        int status = connection.post(path, body);
        if (status == expected) {
            latency.record(System.nanoTime() - start);
        } else {
            failures.incrementAndGet();
        }
    }

    /** The recorder's profile settings, with Java code sampled every millisecond instead of every ten: more samples in a short run. */
    private static String profileSettings() throws Exception {
        String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
        Path settings = BenchmarkReport.directory().toAbsolutePath().resolve("command-saturation.jfc");
        Files.writeString(settings, profile.replace("control=\"method-sampling-java-interval\">10 ms<",
                "control=\"method-sampling-java-interval\">1 ms<"));
        return settings.toString();
    }

    /** The JDK's own diagnostic command, as an operator profiles a running side. */
    /** The processes whose CPU a command costs. */
    private record Processes(long command, long query, long analytics, long postmaster) {

        CpuSnapshot snapshot() {
            return new CpuSnapshot(CpuUse.process(command), CpuUse.process(query), CpuUse.process(analytics),
                    CpuUse.now(postmaster).postgresNanos(), CpuUse.jvm());
        }
    }

    /** CPU nanoseconds of each process; {@code broker} is this JVM's, less the desks' threads once subtracted. */
    private record CpuSnapshot(long command, long query, long analytics, long postgres, long broker) {

        /** What each used in {@code duration} beyond what it uses at rest in as long. */
        CpuSnapshot less(CpuSnapshot idle, Duration idleDuration, double seconds) {
            double share = seconds / idleDuration.toSeconds();
            return new CpuSnapshot(command - Math.round(idle.command * share), query - Math.round(idle.query * share),
                    analytics - Math.round(idle.analytics * share), postgres - Math.round(idle.postgres * share),
                    broker - Math.round(idle.broker * share));
        }

        String perSecond(Duration duration) {
            double n = duration.toSeconds() * 1e6;
            return String.format(Locale.ROOT, "command side %.0f, query side %.0f, analytics %.0f, PostgreSQL %.0f, Kafka broker %.0f",
                    command / n, query / n, analytics / n, postgres / n, broker / n);
        }

        CpuSnapshot since(CpuSnapshot earlier, long desksNanos) {
            return new CpuSnapshot(command - earlier.command, query - earlier.query, analytics - earlier.analytics,
                    postgres - earlier.postgres, broker - earlier.broker - desksNanos);
        }

        PerCommand perCommand(long commands) {
            double n = Math.max(commands, 1) * 1e6;
            return new PerCommand(command / n, query / n, analytics / n, postgres / n, broker / n);
        }
    }

    /** Milliseconds of CPU per command in each process. */
    private record PerCommand(double commandMillis, double queryMillis, double analyticsMillis, double postgresMillis,
            double brokerMillis) {

        double all() {
            return commandMillis + queryMillis + analyticsMillis + postgresMillis + brokerMillis;
        }
    }

    /** {@code cpu} net of what the processes use at rest, {@code gross} with it. */
    private record Step(int desks, LatencyRecorder latency, double seconds, CpuSnapshot used, PerCommand gross, PerCommand cpu,
            int failures) {

        Step(int desks, LatencyRecorder latency, double seconds, CpuSnapshot used, PerCommand gross, int failures) {
            this(desks, latency, seconds, used, gross, gross, failures);
        }

        Step lessIdle(CpuSnapshot idle, Duration idleDuration) {
            return new Step(desks, latency, seconds, used, gross, used.less(idle, idleDuration, seconds).perCommand(latency.count()), failures);
        }

        double perSecond() {
            return latency.count() / seconds;
        }

        String row(String label) {
            return String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %d |",
                    label, perSecond(), latency.millis(50), latency.millis(95), latency.millis(99), cpu.commandMillis(), cpu.queryMillis(),
                    cpu.analyticsMillis(), cpu.postgresMillis(), cpu.brokerMillis(), cpu.all(), gross.all(), failures);
        }
    }
}
