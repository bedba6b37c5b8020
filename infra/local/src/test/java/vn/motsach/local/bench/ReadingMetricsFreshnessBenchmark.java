package vn.motsach.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.analytics.streams.StreamsSettings;
import vn.motsach.infra.kafka.KafkaSettings;
import vn.motsach.local.LocalInstance;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.BenchmarkReport;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestDirectories;

/**
 * How fresh the reading metrics are: the time from a checkout's HTTP response to the class's
 * metrics answering with that loan counted, first on an idle system, then while desks record
 * reading sessions at a steady rate ({@code -Dbench.paced-rate}, about half of what the machine
 * can take), then as fast as they can (every event goes through the same event store,
 * publisher, Kafka and Streams). Baseline from the same run: the checkout's own response
 * time. Prints and keeps target/benchmarks/reading-metrics-freshness.md; asserts nothing on timing.
 */
class ReadingMetricsFreshnessBenchmark {

    private static final int IDLE_SAMPLES = Integer.getInteger("bench.idle-samples", 50);
    private static final int LOADED_SAMPLES = Integer.getInteger("bench.loaded-samples", 200);
    private static final int LOAD_DESKS = Integer.getInteger("bench.load-desks", 8);
    /** Sessions a second in all in the paced phase: about half of what the desks reach unpaced. */
    private static final int PACED_RATE = Integer.getInteger("bench.paced-rate", 100);
    private static final int STUDENTS = 20;

    @Test
    void fromACommandsResponseToTheMetricReflectingIt() throws Exception {
        Path data = TestDirectories.create("bench-fresh-");
        try (ConfigurableApplicationContext app = LocalInstance.start(data, "--server.tomcat.threads.max=100", "--spring.datasource.hikari.maximum-pool-size=40",
                "--logging.level.root=WARN")) {
            ApiClient api = new ApiClient(LocalInstance.port(app));
            Clock clock = app.getBean(Clock.class);
            LocalDate today = LocalDate.now(clock);
            String base = "/api/v1/schools/fresh-0";
            setUpSchool(api, "fresh-0", today, IDLE_SAMPLES + 2 * LOADED_SAMPLES);
            setUpSchool(api, "fresh-1", today, 0);

            KafkaSettings kafka = app.getBean(KafkaSettings.class);
            PublishedTimes published = new PublishedTimes(kafka.bootstrapServers(), kafka.eventsTopic());
            published.start();
            // idle, then a steady load well below saturation, then desks sending as fast as they can
            Phase idle = new Phase("Idle", IDLE_SAMPLES);
            int loans = idle.measureUnder(null, api, base, 0, published);
            Phase paced = new Phase("%d desks recording reading sessions at %d/s in all".formatted(LOAD_DESKS, PACED_RATE),
                    LOADED_SAMPLES);
            loans = paced.measureUnder(new Load(LocalInstance.port(app), clock, LOAD_DESKS, PACED_RATE), api, base, loans, published);
            Phase saturating = new Phase("%d desks recording reading sessions as fast as they can".formatted(LOAD_DESKS),
                    LOADED_SAMPLES);
            saturating.measureUnder(new Load(LocalInstance.port(app), clock, LOAD_DESKS, 0), api, base, loans, published);
            published.stop();

            List<Phase> phases = List.of(idle, paced, saturating);
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                    ## Freshness of reading metrics: checkout response → class metric counts it

                    Local all-in-one (command side, event store, publisher, Kafka, Streams with exactly_once_v2 and
                    commit.interval.ms=%d), 2 shared cores. Metric polled every 2 ms (GET class reading-metrics).

                    | Phase | Samples | Checkout response p50 / p95 / p99 ms | Freshness p50 / p95 / p99 ms | p99 ratio freshness : response |
                    |---|---|---|---|---|
                    """, app.getBean(StreamsSettings.class).commitIntervalMs()));
            phases.forEach(phase -> report.append(phase.row()));
            report.append("""

                    Where the time goes (wall clock, from the Kafka record timestamp the publisher set):

                    | Phase | Response → event in Kafka p50 / p95 / p99 ms | Event in Kafka → metric answers p50 / p95 / p99 ms |
                    |---|---|---|
                    """);
            phases.forEach(phase -> report.append(phase.splitRow()));
            report.append(String.format(Locale.ROOT, "%nTarget: freshness p99 under 1,000 ms. Failed load requests: %d.%n",
                    paced.failures() + saturating.failures()));
            BenchmarkReport.write("reading-metrics-freshness", report.toString());
            assertThat(paced.fresh.count()).isEqualTo(LOADED_SAMPLES);
            assertThat(saturating.fresh.count()).isEqualTo(LOADED_SAMPLES);
        }
    }

    /** A phase measured under a load: the checkouts' response times, their freshness, and where it went. */
    private static final class Phase {

        final String name;
        final int samples;
        final LatencyRecorder command;
        final LatencyRecorder fresh;
        final Split split;
        private boolean loaded;
        private double sessionsPerSecond;
        private int failures;

        Phase(String name, int samples) {
            this.name = name;
            this.samples = samples;
            this.command = new LatencyRecorder(samples);
            this.fresh = new LatencyRecorder(samples);
            this.split = new Split(samples);
        }

        /** Starts the load (none when idle), lets it settle, measures, stops it; answers the loans made so far. */
        int measureUnder(Load load, ApiClient api, String base, int loans, PublishedTimes published) throws Exception {
            if (load == null) {
                return measure(api, base, loans, samples, command, fresh, published, split);
            }
            loaded = true;
            load.start();
            Thread.sleep(3_000); // let the load settle
            int sessionsBefore = load.sessions.get();
            long started = System.nanoTime();
            int after = measure(api, base, loans, samples, command, fresh, published, split);
            sessionsPerSecond = (load.sessions.get() - sessionsBefore) / ((System.nanoTime() - started) / 1e9);
            load.stop();
            failures = load.failures.get();
            return after;
        }

        int failures() {
            return failures;
        }

        String row() {
            String measured = loaded ? String.format(Locale.ROOT, " (measured %.0f sessions/s)", sessionsPerSecond) : "";
            return String.format(Locale.ROOT, "| %s%s | %d | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %.1f |%n",
                    name, measured, fresh.count(), command.millis(50), command.millis(95), command.millis(99),
                    fresh.millis(50), fresh.millis(95), fresh.millis(99), fresh.millis(99) / command.millis(99));
        }

        String splitRow() {
            return String.format(Locale.ROOT, "| %s | %.0f / %.0f / %.0f | %.0f / %.0f / %.0f |%n", name,
                    split.toKafka.millis(50), split.toKafka.millis(95), split.toKafka.millis(99),
                    split.toMetric.millis(50), split.toMetric.millis(95), split.toMetric.millis(99));
        }
    }

    /**
     * Desks recording reading sessions for students of both schools, at {@code rate} sessions a
     * second in all (each desk on its own schedule, out of step with the others), or as fast as
     * they can when the rate is 0.
     */
    private static final class Load {

        private final int port;
        private final Clock clock;
        private final int desks;
        private final int rate;
        private final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger sessions = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        private final ExecutorService pool;
        private final List<Future<?>> running = new ArrayList<>();

        Load(int port, Clock clock, int desks, int rate) {
            this.port = port;
            this.clock = clock;
            this.desks = desks;
            this.rate = rate;
            this.pool = Executors.newFixedThreadPool(desks);
        }

        void start() {
            long interval = rate == 0 ? 0 : 1_000_000_000L * desks / rate;
            for (int d = 0; d < desks; d++) {
                String school = "/api/v1/schools/fresh-" + (d % 2);
                int desk = d;
                running.add(pool.submit(() -> {
                    long next = System.nanoTime() + interval * desk / desks;
                    int i = 0;
                    try (DeskConnection api = new DeskConnection(port)) {
                        while (!stop.get()) {
                            if (interval > 0) {
                                long wait = next - System.nanoTime();
                                if (wait > 0) {
                                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                                }
                                // a desk that fell behind carries on from now rather than catching up in a burst
                                next = Math.max(next, System.nanoTime() - interval) + interval;
                            }
                            String startedAt = LibraryFixture.sessionBegunToday(clock, Duration.ofMinutes(30));
                            int status = api.post(school + "/reading-sessions", "{\"patronId\":\"hs-" + (1 + (desk + i++) % 3)
                                    + "-" + (i % STUDENTS) + "\",\"startedAt\":\"" + startedAt + "\",\"minutes\":15,\"place\":\"HOME\"}");
                            if (status == 201) {
                                sessions.incrementAndGet();
                            } else {
                                failures.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
        }

        void stop() throws Exception {
            stop.set(true);
            for (Future<?> desk : running) {
                desk.get();
            }
            pool.shutdown();
        }
    }

    /** Checks out copy after copy to students of class 6a0 and waits for each loan to show in the class's metrics. */
    private static int measure(ApiClient api, String base, int loansSoFar, int samples, LatencyRecorder command,
            LatencyRecorder fresh, PublishedTimes published, Split split) throws InterruptedException {
        int loans = loansSoFar;
        for (int i = 0; i < samples; i++) {
            long sent = System.nanoTime();
            ApiClient.Answer checkout = api.post(base + "/checkouts",
                    "{\"barcode\":\"c-" + loans + "\",\"patronId\":\"hs-0-" + (loans % STUDENTS) + "\"}");
            long answered = System.nanoTime();
            long answeredAt = System.currentTimeMillis();
            assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
            loans++;
            command.record(answered - sent);
            while (true) {
                ApiClient.Answer metrics = api.get(base + "/classes/6a0/reading-metrics?period=SCHOOL_YEAR");
                if (metrics.status() == 200 && metrics.json().path("loans").asLong() >= loans) {
                    fresh.record(System.nanoTime() - answered);
                    long visibleAt = System.currentTimeMillis();
                    Long inKafka = published.waitFor(checkout.text("loanId"));
                    if (inKafka != null) {
                        split.toKafka.record(Math.max(0, inKafka - answeredAt) * 1_000_000);
                        split.toMetric.record(Math.max(0, visibleAt - inKafka) * 1_000_000);
                    }
                    break;
                }
                Thread.sleep(2);
            }
        }
        return loans;
    }

    /** The two legs of freshness: to Kafka (command side's publisher), and from Kafka to the metric (analytics). */
    private static final class Split {

        final LatencyRecorder toKafka;
        final LatencyRecorder toMetric;

        Split(int samples) {
            toKafka = new LatencyRecorder(samples);
            toMetric = new LatencyRecorder(samples);
        }
    }

    /** Tails the events topic and notes, for each loan, the timestamp of its record in Kafka. */
    private static final class PublishedTimes {

        private final Map<String, Long> loans = new ConcurrentHashMap<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final KafkaConsumer<String, String> consumer;
        private final String topic;
        private Thread tail;

        PublishedTimes(String bootstrap, String topic) {
            this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                    new StringDeserializer(), new StringDeserializer());
            this.topic = topic;
        }

        void start() {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            tail = new Thread(() -> {
                JsonMapper json = JsonMapper.builder().build();
                while (!stop.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        JsonNode envelope = json.readTree(record.value());
                        if (envelope.path("type").asString().equals("CopyCheckedOut")) {
                            loans.put(envelope.path("payload").path("loanId").asString(), record.timestamp());
                        }
                    }
                }
                consumer.close();
            }, "published-times");
            tail.start();
        }

        Long waitFor(String loanId) throws InterruptedException {
            for (int i = 0; i < 200 && !loans.containsKey(loanId); i++) {
                Thread.sleep(5);
            }
            return loans.get(loanId);
        }

        void stop() throws InterruptedException {
            stop.set(true);
            tail.join();
        }
    }

    /** A school whose year contains today, 4 classes of 20 students who may borrow up to 100 copies, and copies to lend. */
    private static void setUpSchool(ApiClient api, String school, LocalDate today, int copies) {
        LibraryFixture library = LibraryFixture.lowerSecondaryThisYear(api, school, "THCS " + school, "xa-fresh", today);
        expect(api.put(library.base() + "/loan-policies/STUDENT",
                "{\"loanDays\":14,\"maxLoans\":100,\"maxRenewals\":1,\"holdPickupDays\":3}"));
        for (int c = 0; c < 4; c++) {
            expect(api.put(library.base() + "/classes/6a" + c, "{\"name\":\"6A" + c + "\",\"grade\":6,\"schoolYear\":\""
                    + LibraryFixture.schoolYearHolding(today) + "\"}"));
            for (int s = 0; s < STUDENTS; s++) {
                library.patron("hs-" + c + "-" + s, "Học sinh " + c + "-" + s, "STUDENT", "6a" + c);
            }
        }
        if (copies > 0) {
            String titleId = library.title("Dế Mèn phiêu lưu ký");
            for (int i = 0; i < copies; i++) {
                library.copy("c-" + i, titleId);
            }
        }
    }

    private static ApiClient.Answer expect(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
        return answer;
    }
}
