package vn.motsach.analytics.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import vn.motsach.analytics.AnalyticsTopology;
import vn.motsach.analytics.SchoolFixture;
import vn.motsach.analytics.calendar.SchoolTime;
import vn.motsach.analytics.readers.ReaderActivityTopology;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.PeriodActivity;
import vn.motsach.events.PeriodId;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.ReadingPlace;
import vn.motsach.events.ReadingSessionId;
import vn.motsach.events.Routing;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.Semester;
import vn.motsach.events.TitleId;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.reading.LibraryPeriodHeld;
import vn.motsach.events.reading.ReadingSessionRecorded;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolYearScheduled;
import vn.motsach.events.schoolclass.ClassOpened;
import vn.motsach.embedded.EmbeddedStack;
import vn.motsach.infra.kafka.EventEnvelopeCodec;
import vn.motsach.infra.kafka.KafkaSettings;
import vn.motsach.testing.BenchmarkReport;
import vn.motsach.testing.CpuUse;
import vn.motsach.testing.TestDirectories;

/**
 * Replays a backlog of school events (a province's schools over a school year: set-up, loans,
 * returns, reading sessions, library periods) through every analytics topology, as a new
 * instance or a rebuilt one would, with the production settings (exactly_once_v2, commit every
 * second, 32 MB record cache): once in a fresh JVM, {@code bench.warmups} times more while the JIT
 * compiler settles (the last one profiled), then {@code bench.runs} measured replays, and once committing every 100 ms
 * (the exactly-once default). Baseline from the same run: a plain consumer reading, and one
 * reading and decoding, the same backlog. Prints and keeps target/benchmarks/streams-throughput.md;
 * asserts only that every event was processed and counted, never on timing.
 */
class StreamsThroughputBenchmark {

    static final int SCHOOLS = Integer.getInteger("bench.schools", 60);
    /** A backlog long enough that a replay is mostly steady processing rather than a new application's start. */
    static final int ACTIVITY_EVENTS = Integer.getInteger("bench.events", 450_000);
    static final int CLASSES = 4;
    static final int STUDENTS_PER_CLASS = 40;
    static final LocalDate YEAR_START = LocalDate.of(2025, 9, 8);
    static final int WARM_UPS = Integer.getInteger("bench.warmups", 1);
    static final int MEASURED = Integer.getInteger("bench.runs", 3);
    /** The settings an instance runs with when nothing is configured. */
    static final StreamsSettings PRODUCTION = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("motsach.analytics.streams", StreamsSettings.class);

    static EmbeddedStack kafka;
    static String bootstrap;
    final String topic = "bench-events-" + UUID.randomUUID();
    final EventEnvelopeCodec codec = new EventEnvelopeCodec();

    @BeforeAll
    static void startKafka() throws IOException {
        kafka = EmbeddedStack.start(TestDirectories.create("bench-kafka-"), false, true, EmbeddedStack.Ports.anyFree(), false);
        bootstrap = (String) kafka.properties().get("motsach.kafka.bootstrap-servers");
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void replayABacklogThroughEveryTopology() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Backlog backlog = produceBacklog();

        long plainNanos = consumeAll(false);
        long decodingNanos = consumeAll(true);
        // the first replay in a fresh JVM and broker pays for warming up, whatever its settings
        StreamsRun cold = runStreams(backlog.total(), PRODUCTION.commitIntervalMs(), false);
        // the JIT compiler keeps working through the next replays (seconds of compilation in each),
        // which a long-running instance replaying a large backlog has long finished
        List<StreamsRun> warmUps = new ArrayList<>();
        for (int i = 0; i < WARM_UPS; i++) {
            // profiled here: a recording slows the replay it watches, so not a measured one
            warmUps.add(runStreams(backlog.total(), PRODUCTION.commitIntervalMs(), i == WARM_UPS - 1));
        }
        List<StreamsRun> measured = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            measured.add(runStreams(backlog.total(), PRODUCTION.commitIntervalMs(), false));
        }
        int otherInterval = PRODUCTION.commitIntervalMs() == 100 ? 1000 : 100;
        StreamsRun otherRun = runStreams(backlog.total(), otherInterval, false);

        long events = backlog.total();
        double plainRate = events / (plainNanos / 1e9);
        double decodingRate = events / (decodingNanos / 1e9);
        StringBuilder rows = new StringBuilder();
        rows.append(line("Plain KafkaConsumer reading the backlog (baseline)", plainNanos, events, plainRate, decodingRate, null));
        rows.append(line("KafkaConsumer reading and decoding the envelopes", decodingNanos, events, plainRate, decodingRate, null));
        rows.append(line("Streams, first replay in this JVM", cold.processingNanos(), events, plainRate, decodingRate, cold));
        for (int i = 0; i < warmUps.size(); i++) {
            rows.append(line("Streams, warm-up replay " + (i + 1), warmUps.get(i).processingNanos(), events, plainRate, decodingRate,
                    warmUps.get(i)));
        }
        for (int i = 0; i < measured.size(); i++) {
            rows.append(line("**Streams, measured replay " + (i + 1) + "**", measured.get(i).processingNanos(), events, plainRate,
                    decodingRate, measured.get(i)));
        }
        rows.append(line("Streams, committing every %,d ms".formatted(otherInterval), otherRun.processingNanos(), events, plainRate,
                decodingRate, otherRun));
        List<Double> rates = measured.stream().map(run -> events / (run.processingNanos() / 1e9)).sorted().toList();
        double median = rates.get(rates.size() / 2);
        StreamsRun last = measured.get(measured.size() - 1);
        String report = """
                # Streams throughput: replaying a backlog

                %d events (%d schools: set-up of %d classes x %d students each, then loans, returns, reading sessions and
                library periods), 6 partitions, embedded single-node Kafka in the same JVM, all analytics topologies,
                exactly_once_v2, commit.interval.ms=%d, 32 MB record cache, 2 stream threads. 2 cores shared with other
                builds. Each replay is a new application (new state, new changelogs) reading the backlog from its start,
                timed from RUNNING to every input offset committed.

                **Median of the measured replays: %,.0f events/s** (%.3f of the plain consumer, %.2f of reading and
                decoding); range %,.0f–%,.0f.

                | What | Time | Events/s | ÷ plain consumer | ÷ decoding | CPU/event: stream threads | CPU/event: JVM | JIT | GC |
                |---|---|---|---|---|---|---|---|---|
                %s
                CPU per event is less sensitive than a rate to what else the two cores run. The JVM's includes the
                embedded broker, the JIT compiler and the garbage collector; JIT and GC are the compilation and collection
                time during the replay. In the last measured replay, per event: stream threads %.0f µs, broker %.0f µs,
                producers' network threads %.0f µs, everything else (JIT, GC, RocksDB's own threads) %.0f µs.

                Streams start-up and first rebalance (not counted above): %.2f s.
                Check: %d loans counted in the stores for %d loans produced (%d in the last replay).
                The profile of the last warm-up replay is kept as streams-throughput.jfr.
                """.formatted(events, SCHOOLS, CLASSES, STUDENTS_PER_CLASS, PRODUCTION.commitIntervalMs(),
                median, median / plainRate, median / decodingRate, rates.get(0), rates.get(rates.size() - 1), rows,
                last.streamThreadCpuNanos() / 1e3 / events, last.brokerCpuNanos() / 1e3 / events,
                last.producerNetworkCpuNanos() / 1e3 / events,
                (last.processCpuNanos() - last.javaThreadsCpuNanos()) / 1e3 / events,
                last.startNanos() / 1e9, last.loansCounted(), backlog.loans(), otherRun.loansCounted());
        BenchmarkReport.write("streams-throughput", report);
        for (StreamsRun run : measured) {
            assertThat(run.loansCounted()).isEqualTo(backlog.loans());
        }
        assertThat(otherRun.loansCounted()).isEqualTo(backlog.loans());
    }

    private static String line(String what, long nanos, long events, double plainRate, double decodingRate, StreamsRun run) {
        double rate = events / (nanos / 1e9);
        String cpu = run == null ? "| | | | |"
                : "| %.0f µs | %.0f µs | %,d ms | %,d ms |".formatted(run.streamThreadCpuNanos() / 1e3 / events,
                        run.processCpuNanos() / 1e3 / events, run.jitMillis(), run.gcMillis());
        return "| %s | %.2f s | %,.0f | %.3f | %.2f %s%n".formatted(what, nanos / 1e9, rate, rate / plainRate, rate / decodingRate, cpu);
    }

    record Backlog(long total, long loans) {
    }

    record StreamsRun(long startNanos, long processingNanos, long loansCounted, long streamThreadCpuNanos,
            long processCpuNanos, long javaThreadsCpuNanos, long brokerCpuNanos, long producerNetworkCpuNanos, long jitMillis,
            long gcMillis) {
    }

    /**
     * CPU time so far of every Java thread, and among them of the stream threads of one
     * application (not their producers' network threads), the broker's and the producers' network threads.
     */
    record ThreadsCpu(long all, long streams, long broker, long producerNetwork) {

        static ThreadsCpu now(String applicationId) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long all = 0;
            long streams = 0;
            long broker = 0;
            long producerNetwork = 0;
            for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (thread == null) {
                    continue;
                }
                long cpu = Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
                String name = thread.getThreadName();
                all += cpu;
                if (name.startsWith(applicationId) && name.matches(".*-StreamThread-\\d+")) {
                    streams += cpu;
                } else if (name.startsWith("data-plane-") || name.startsWith("quorum-") || name.startsWith("group-coordinator")
                        || name.startsWith("AddPartitionsToTxn") || name.startsWith("kafka-1-")) {
                    broker += cpu;
                } else if (name.startsWith("kafka-producer-network-thread")) {
                    producerNetwork += cpu;
                }
            }
            return new ThreadsCpu(all, streams, broker, producerNetwork);
        }

        ThreadsCpu since(ThreadsCpu start) {
            return new ThreadsCpu(all - start.all, streams - start.streams, broker - start.broker,
                    producerNetwork - start.producerNetwork);
        }
    }

    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    /** Whether the instance has committed every events partition up to its end. */
    private static boolean committedUpTo(KafkaStreams streams, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> committed = new java.util.HashMap<>();
        streams.metadataForLocalThreads().forEach(thread -> thread.activeTasks()
                .forEach(task -> committed.putAll(task.committedOffsets())));
        // with exactly-once, a committed offset may sit one past the last record (the commit marker)
        return ends.entrySet().stream().allMatch(end -> committed.getOrDefault(end.getKey(), -1L) >= end.getValue());
    }

    private Backlog produceBacklog() throws Exception {
        Random random = new Random(42);
        long total = 0;
        long loans = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144), new StringSerializer(), new ByteArraySerializer())) {
            Instant setUp = SchoolFixture.at(YEAR_START.minusDays(3), LocalTime.of(8, 0));
            for (int s = 0; s < SCHOOLS; s++) {
                SchoolId school = SchoolId.of("thcs-bench-" + s);
                send(producer, new SchoolRegistered(school, "THCS " + s, List.of(EducationLevel.LOWER_SECONDARY),
                        AuthorityId.of("so-bench-" + (s % 3))), setUp, ++total);
                send(producer, new SchoolYearScheduled(school, SchoolYear.of("2025-2026"), LocalDate.of(2025, 9, 5),
                        LocalDate.of(2026, 5, 31), List.of(new Semester(1, LocalDate.of(2025, 9, 5), LocalDate.of(2026, 1, 17)),
                                new Semester(2, LocalDate.of(2026, 1, 19), LocalDate.of(2026, 5, 31))), SchoolFixture.TET),
                        setUp, ++total);
                for (int c = 0; c < CLASSES; c++) {
                    send(producer, new ClassOpened(school, ClassId.of("6a" + c), "6A" + c, 6, SchoolYear.of("2025-2026"), null),
                            setUp, ++total);
                    for (int p = 0; p < STUDENTS_PER_CLASS; p++) {
                        send(producer, new PatronRegistered(school, PatronId.of("hs-" + c + "-" + p), "Học sinh " + p,
                                PatronCategory.STUDENT, ClassId.of("6a" + c)), setUp, ++total);
                    }
                }
            }
            List<List<CopyCheckedOut>> open = new ArrayList<>();
            for (int s = 0; s < SCHOOLS; s++) {
                open.add(new ArrayList<>());
            }
            for (int i = 0; i < ACTIVITY_EVENTS; i++) {
                int s = random.nextInt(SCHOOLS);
                SchoolId school = SchoolId.of("thcs-bench-" + s);
                int c = random.nextInt(CLASSES);
                PatronId patron = PatronId.of("hs-" + c + "-" + random.nextInt(STUDENTS_PER_CLASS));
                // the school year unfolds as the backlog goes on
                Instant at = SchoolFixture.at(YEAR_START.plusDays((long) i * 260 / ACTIVITY_EVENTS), LocalTime.of(7, 0))
                        .plusSeconds(random.nextInt(10 * 3600));
                int kind = random.nextInt(100);
                List<CopyCheckedOut> loansOfSchool = open.get(s);
                if (kind < 15 && !loansOfSchool.isEmpty()) {
                    CopyCheckedOut loan = loansOfSchool.remove(random.nextInt(loansOfSchool.size()));
                    send(producer, new CopyReturned(school, loan.loanId(), loan.barcode(), loan.titleId(), loan.patronId(),
                            loan.patronCategory(), loan.classId(), at, loan.dueOn(), 0, Routing.SHELF, null), at, ++total);
                } else if (kind < 60) {
                    CopyCheckedOut loan = new CopyCheckedOut(school, LoanId.of(UUID.randomUUID()), Barcode.of("b" + i),
                            TitleId.of(UUID.randomUUID()), "Dế Mèn phiêu lưu ký", DocType.CHILDREN, patron, PatronCategory.STUDENT,
                            ClassId.of("6a" + c), at, SchoolTime.dayOf(at).plusDays(14), null);
                    loansOfSchool.add(loan);
                    send(producer, loan, at, ++total);
                    loans++;
                } else if (kind < 95) {
                    send(producer, new ReadingSessionRecorded(school, ReadingSessionId.of(UUID.randomUUID()), patron,
                            PatronCategory.STUDENT, ClassId.of("6a" + c), null, at, 10 + random.nextInt(50), ReadingPlace.HOME,
                            true), at, ++total);
                } else {
                    List<PatronId> attendees = new ArrayList<>();
                    for (int p = 0; p < STUDENTS_PER_CLASS; p += 2) {
                        attendees.add(PatronId.of("hs-" + c + "-" + p));
                    }
                    send(producer, new LibraryPeriodHeld(school, PeriodId.of(UUID.randomUUID()), ClassId.of("6a" + c),
                            SchoolTime.dayOf(at), PeriodActivity.FREE_READING,
                            attendees, STUDENTS_PER_CLASS, null, null), at, ++total);
                }
            }
            producer.flush();
        }
        return new Backlog(total, loans);
    }

    private void send(KafkaProducer<String, byte[]> producer, SchoolEvent event, Instant at, long position) {
        PublishedEvent published = new PublishedEvent(UUID.randomUUID().toString(), event.getClass().getSimpleName(), "1",
                event.schoolId(), at, position, "bench", event);
        producer.send(new ProducerRecord<>(topic, event.schoolId().value(), codec.encode(published)));
    }

    private long consumeAll(boolean decode) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long expected = ends.values().stream().mapToLong(Long::longValue).sum();
            consumer.seekToBeginning(partitions);
            long started = System.nanoTime();
            long seen = 0;
            long checksum = 0;
            while (seen < expected) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    seen++;
                    checksum += decode ? codec.decode(record.value()).position() : record.value().length;
                }
            }
            long elapsed = System.nanoTime() - started;
            assertThat(checksum).isPositive();
            return elapsed;
        }
    }

    private StreamsRun runStreams(long expected, int commitIntervalMs, boolean profiled) throws Exception {
        var serde = EventSerde.of(codec);
        String applicationId = "bench-" + UUID.randomUUID();
        var config = StreamsRunner.config(new KafkaSettings(bootstrap, topic, 6, (short) 1),
                new StreamsSettings(applicationId, TestDirectories.create("bench-streams-").toString(), "exactly_once_v2", commitIntervalMs, 2,
                        10_000, null));
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 1000);
        long started = System.nanoTime();
        // a profile of the replay is kept next to the report, to see where the time goes
        try (jdk.jfr.Recording profile = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                KafkaStreams streams = new KafkaStreams(AnalyticsTopology.build(topic, serde, config), config);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (profiled) {
                // set only when profiled: an unstarted recording given a destination empties the file when closed
                profile.setDestination(BenchmarkReport.directory().resolve("streams-throughput.jfr"));
                profile.start();
            }
            streams.start();
            while (streams.state() != KafkaStreams.State.RUNNING) {
                Thread.sleep(20);
            }
            long running = System.nanoTime();
            long processCpuAtStart = CpuUse.jvm();
            ThreadsCpu threadsAtStart = ThreadsCpu.now(applicationId);
            long jitAtStart = jitMillis();
            long gcAtStart = gcMillis();
            Map<TopicPartition, Long> ends = admin.listOffsets(admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(info -> new TopicPartition(topic, info.partition()), info -> OffsetSpec.latest())))
                    .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
            assertThat(ends.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(expected);
            // the instance's own view of its commits: asking the broker 20 times a second cost the
            // admin client alone 2-3 µs of CPU per event replayed, and the broker more
            while (!committedUpTo(streams, ends)) {
                Thread.sleep(20);
            }
            long finished = System.nanoTime();
            long processCpu = CpuUse.jvm() - processCpuAtStart;
            ThreadsCpu threads = ThreadsCpu.now(applicationId).since(threadsAtStart);
            long jit = jitMillis() - jitAtStart;
            long gc = gcMillis() - gcAtStart;
            if (profiled) {
                profile.stop(); // writes the profile to its destination
            }
            long loans = 0;
            var rows = streams.store(org.apache.kafka.streams.StoreQueryParameters.fromNameAndType(
                    ReaderActivityTopology.STUDENT_MONTHS_STORE,
                    org.apache.kafka.streams.state.QueryableStoreTypes
                            .<String, vn.motsach.analytics.readers.MonthDays<vn.motsach.analytics.readers.StudentActivity>>keyValueStore()));
            try (var all = rows.all()) {
                while (all.hasNext()) {
                    var row = all.next();
                    var month = row.value.sum(1, 31, vn.motsach.analytics.readers.StudentActivity::plus);
                    loans += month == null ? 0 : month.loans();
                }
            }
            return new StreamsRun(running - started, finished - running, loans, threads.streams(), processCpu, threads.all(),
                    threads.broker(), threads.producerNetwork(), jit, gc);
        }
    }
}
