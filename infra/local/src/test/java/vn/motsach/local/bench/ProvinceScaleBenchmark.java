package vn.motsach.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motsach.analytics.AnalyticsApplication;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.axon.PostgresEventStorageEngine;
import vn.motsach.infra.kafka.EventEnvelopeCodec;
import vn.motsach.local.SideProcess;
import vn.motsach.query.QuerySideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.BenchmarkReport;
import vn.motsach.testing.EventStores;
import vn.motsach.testing.GeneratedSchools;
import vn.motsach.testing.TestDirectories;
import vn.motsach.testing.TestInfrastructure;

/**
 * A province's school year in the event store, and what it does to the system: the three sides
 * in JVMs of their own (as production runs them) on one PostgreSQL and one Kafka; the store
 * filled with the generated year of {@link #SCHOOLS} schools working at once, appended straight
 * through the application's storage engine; then the store's size, the checkout p95 of 75 desks
 * with {@link #SMALL_STORE} events in the store and with all of them, the live catch-up, a
 * rebuild of every projection (the admin endpoint) against a plain read of the store, a restore's
 * Streams replay (the topic republished by the admin command into an empty topic, a fresh
 * analytics instance counting it) against one consumer reading the same topic, and each side's memory.
 * Run: ./mvnw -B verify -Pbenchmark -pl infra/local -am -Dit.test=ProvinceScaleBenchmark (-Dprovince.schools=10 for a small run)
 */
class ProvinceScaleBenchmark {

    private static final int SCHOOLS = Integer.getInteger("province.schools", 200);
    /** Events of one school in a row before the next school's: schools work at once. */
    private static final int INTERLEAVE = 20;
    /** The store the first desk measurement runs against: the start of the province's year. */
    private static final long SMALL_STORE = Long.getLong("province.small-store", 10_000);
    /** Each side's heap limit, as a deployment would give it. */
    private static final String HEAP = System.getProperty("province.heap", "512m");
    private static final List<String> JVM = List.of("-Xmx" + HEAP, "-XX:+UseSerialGC", "-Xss512k");
    /** The sides log warnings only: the benchmark's own progress is what its output is read for. */
    private static final String QUIET = "--logging.level.root=WARN";
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 60));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 45));
    private static final Duration THINK = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofMinutes(Long.getLong("province.patience-minutes", 90));
    private static final String RESTORED_TOPIC = "motsach.restored-events";

    @Test
    void aProvincesSchoolYear() throws Exception {
        Map<String, Object> infrastructure = TestInfrastructure.properties(System.getProperty(TestInfrastructure.KIND_PROPERTY, "auto"));
        Path data = TestDirectories.create("province-");
        String bootstrap = (String) infrastructure.get("motsach.kafka.bootstrap-servers");
        String streamsApplication = "province-" + UUID.randomUUID();
        BenchmarkReport report = new BenchmarkReport("province-scale", "A province's school year: the store, the desks, rebuild and replay");
        List<SideProcess> sides = new ArrayList<>();
        try (HikariDataSource dataSource = dataSource(infrastructure);
                Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            // the three start at once, as a deployment starts them
            SideProcess command = side(sides, SideProcess.start("command", CommandSideApplication.class, infrastructure, data, JVM, QUIET));
            SideProcess query = side(sides, SideProcess.start("query", QuerySideApplication.class, infrastructure, data, JVM, QUIET));
            SideProcess analytics = side(sides, SideProcess.start("analytics", AnalyticsApplication.class, infrastructure, data, JVM, QUIET,
                    "--motsach.analytics.streams.application-id=" + streamsApplication));
            for (SideProcess side : List.copyOf(sides)) {
                side.awaitReady(Duration.ofMinutes(10));
            }

            progress("sides ready; setting the desks up");
            List<CirculationBenchmark.Desk> desks = CirculationBenchmark.setUp(command.api(), command.port());
            PostgresEventStorageEngine engine = EventStores.postgres(dataSource);
            List<SchoolId> schools = IntStream.range(0, SCHOOLS).mapToObj(s -> SchoolId.of("province-" + s)).toList();
            Iterator<SchoolEvent> year = GeneratedSchools.interleaved(schools, GeneratedSchools.Sizes.schoolYear(), INTERLEAVE);

            // the start of the year: the desks' schools and the first events of the province's
            long small = storeSize(jdbc);
            GeneratedSchools.append(engine, limited(year, Math.max(0, SMALL_STORE - small)), 1_000, "province-start-");
            small = storeSize(jdbc);
            progress("small store of %,d events appended; waiting for the sides".formatted(small));
            caughtUp(command, query, kafka, streamsApplication, KafkaEventsTopic.DEFAULT);
            progress("desks, small store");
            Desks early = desks(desks, jdbc);
            progress("small store: checkout p95 %.1f ms over %d checkouts".formatted(early.checkouts().millis(95), early.checkouts().count()));

            // the rest of the year, appended in one go, and the sides catching up with it live
            progress("appending the rest of the year");
            long appendStarted = System.nanoTime();
            long appended = GeneratedSchools.append(engine, year, 1_000, "province-year-");
            double appendSeconds = seconds(appendStarted);
            progress("%,d appended in %.0f s; the sides catching up".formatted(appended, appendSeconds));
            long catchUpStarted = System.nanoTime();
            caughtUp(command, query, kafka, streamsApplication, KafkaEventsTopic.DEFAULT);
            double catchUpSeconds = seconds(catchUpStarted);
            long events = storeSize(jdbc);
            // as a server keeps it, vacuumed and analysed, not by an autovacuum worker waking mid-measurement
            jdbc.sql("vacuum analyze domainevententry").update();
            StoreSize size = storeSize(jdbc, events);
            progress("caught up in %.0f s; store %,d events, %,d bytes with indexes; desks, full store".formatted(catchUpSeconds, events, size.total()));
            Desks full = desks(desks, jdbc);
            progress("full store: checkout p95 %.1f ms over %d checkouts".formatted(full.checkouts().millis(95), full.checkouts().count()));
            // the desks' own checkouts and returns are in the store too from here on
            long stored = storeSize(jdbc);
            Map<String, SideProcess.Memory> memory = new LinkedHashMap<>();
            for (SideProcess side : sides) {
                memory.put(side.name() + ", after the desks and the live catch-up", side.memory());
            }

            // a rebuild of every projection, as the admin endpoint starts it, against a plain read of the same store
            progress("memory %s; plain read and rebuild".formatted(memory));
            double readSeconds = plainRead(engine, stored);
            progress("plain read in %.1f s".formatted(readSeconds));
            ApiClient.Answer started = query.api().post("/api/v1/admin/projections/rebuild", "{}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            long rebuildStarted = System.nanoTime();
            JsonNode[] status = new JsonNode[1];
            await(() -> {
                status[0] = query.api().get("/api/v1/admin/projections/rebuild").json();
                assertThat(status[0].path("state").asString()).as(status[0].toString()).isNotEqualTo("FAILED");
                return status[0].path("state").asString().equals("DONE");
            });
            double rebuildSeconds = seconds(rebuildStarted);
            long replayed = status[0].path("eventsReplayed").asLong();
            double rebuildRun = Duration.between(Instant.parse(status[0].path("startedAt").asString()),
                    Instant.parse(status[0].path("finishedAt").asString())).toMillis() / 1e3;
            memory.put("query, after the rebuild", query.memory());

            // a restore's replay: the topic republished into an empty one, a fresh analytics instance counting it
            progress("rebuilt in %.0f s; restarting for the replay".formatted(rebuildSeconds));
            analytics.close();
            sides.remove(analytics);
            command.close();
            sides.remove(command);
            SideProcess restoredCommand = side(sides, SideProcess.start("command-restored", CommandSideApplication.class,
                    infrastructure, data, JVM, QUIET, "--motsach.kafka.events-topic=" + RESTORED_TOPIC));
            String restoredApplication = "province-restored-" + UUID.randomUUID();
            SideProcess restoredAnalytics = side(sides, SideProcess.start("analytics-restored", AnalyticsApplication.class,
                    infrastructure, data, JVM, QUIET, "--motsach.kafka.events-topic=" + RESTORED_TOPIC,
                    "--motsach.analytics.streams.application-id=" + restoredApplication));
            restoredCommand.awaitReady(Duration.ofMinutes(10));
            restoredAnalytics.awaitReady(Duration.ofMinutes(10));
            await(() -> restoredCommand.api().post("/api/v1/admin/event-topic/republish", "{}").status() == 202);
            progress("republishing");
            long replayStarted = System.nanoTime();
            await(() -> republished(restoredCommand));
            double republishSeconds = seconds(replayStarted);
            await(() -> streamsLag(kafka, restoredApplication, RESTORED_TOPIC) <= partitions(kafka, RESTORED_TOPIC));
            double replaySeconds = seconds(replayStarted);
            memory.put("analytics, fresh, after the replay", restoredAnalytics.memory());
            progress("replayed in %.0f s; one consumer reading the topic".formatted(replaySeconds));
            Consumed consumed = consumeAll(bootstrap, RESTORED_TOPIC);
            double consumerSeconds = consumed.seconds();
            progress("consumer read %,d records in %.1f s; memory %s".formatted(consumed.records(), consumerSeconds, memory));

            report.line(String.format(Locale.ROOT, """
                    %d schools' generated school year (%s), interleaved %d events at a time as schools working at once
                    leave them, appended through the application's storage engine and serializer in batches of 1,000
                    (each event its own aggregate): after %,d, the rest of the year's %,d in %.0f s (%,.0f events/s), %,d in the store.
                    The sides run as production runs them, each in a JVM of its own (-Xmx%s, serial collector), on one
                    embedded PostgreSQL and one embedded Kafka (%d partitions), on this machine's two shared cores.

                    ## The event store
                    | | bytes | per event |
                    |---|---|---|
                    | domainevententry, table with its TOAST | %,d | %,.0f |
                    | its indexes | %,d | %,.0f |
                    | total (pg_total_relation_size) | %,d | %,.0f |
                    | the query side's tables (qs_*), with their indexes | %,d | %,.0f |
                    | the whole database (pg_database_size) | %,d | %,.0f |

                    ## Checkouts at 75 desks (%d ms between a desk's requests), the store small and full
                    Each after %d s of desks, measured over %d s.

                    | Store | checkouts | p50 ms | p95 ms | p99 ms | returns p95 ms | failed |
                    |---|---|---|---|---|---|---|
                    | %,d events | %d | %.1f | %.1f | %.1f | %.1f | %d |
                    | %,d events | %d | %.1f | %.1f | %.1f | %.1f | %d |

                    Checkout p95 full ÷ small: **%.2f** (target ≤ 1.2).
                    PostgreSQL per checkout or return (the whole system's commits and WAL while the desks were measured):
                    %.2f transactions and %,.0f bytes of WAL with the store small, %.2f and %,.0f with it full.

                    ## Catching up, rebuilding, replaying
                    | What | events | seconds | events/s | ÷ baseline |
                    |---|---|---|---|---|
                    | Live catch-up after the append: projections, publisher and Streams all at the head | %,d | %.0f | %,.0f | |
                    | Plain read of the store (fetched and deserialised, applied nowhere; baseline of the rebuild) | %,d | %.1f | %,.0f | 1 |
                    | Rebuild of every projection, one pass (POST /api/v1/admin/projections/rebuild, until DONE) | %,d | %.1f | %,.0f | %.2f |
                    | Republish into an empty topic (POST /api/v1/admin/event-topic/republish, until published) | %,d | %.0f | %,.0f | |
                    | Streams replay: a fresh analytics instance, from the republish until its lag is 0 | %,d | %.0f | %,.0f | %.2f |
                    | One consumer reading and decoding the same topic (baseline of the replay) | %,d | %.1f | %,.0f | 1 |

                    The rebuild's own clock (startedAt to finishedAt): %.1f s. The replay's time includes the republish,
                    which it runs alongside, as a restore does.

                    ## Memory of each side
                    | Side, when | heap used after a full collection, MB | resident set, MB |
                    |---|---|---|
                    %s
                    """,
                    SCHOOLS, GeneratedSchools.Sizes.schoolYear(), INTERLEAVE, small, appended, appendSeconds,
                    appended / appendSeconds, events, HEAP, partitions(kafka, RESTORED_TOPIC),
                    size.table(), (double) size.table() / events, size.indexes(), (double) size.indexes() / events,
                    size.total(), (double) size.total() / events, size.projections(), (double) size.projections() / events,
                    size.database(), (double) size.database() / events,
                    THINK.toMillis(), WARM_UP.toSeconds(), MEASURE.toSeconds(),
                    small, early.checkouts().count(), early.checkouts().millis(50), early.checkouts().millis(95),
                    early.checkouts().millis(99), early.returns().millis(95), early.failures(),
                    events, full.checkouts().count(), full.checkouts().millis(50), full.checkouts().millis(95),
                    full.checkouts().millis(99), full.returns().millis(95), full.failures(),
                    full.checkouts().millis(95) / early.checkouts().millis(95),
                    early.perRequest(early.commits()), early.perRequest(early.walBytes()),
                    full.perRequest(full.commits()), full.perRequest(full.walBytes()),
                    appended, catchUpSeconds, appended / catchUpSeconds,
                    stored, readSeconds, stored / readSeconds,
                    replayed, rebuildSeconds, replayed / rebuildSeconds, readSeconds / rebuildSeconds,
                    stored, republishSeconds, stored / republishSeconds,
                    consumed.records(), replaySeconds, consumed.records() / replaySeconds, consumerSeconds / replaySeconds,
                    consumed.records(), consumerSeconds, consumed.records() / consumerSeconds,
                    rebuildRun,
                    String.join("\n", memory.entrySet().stream().map(entry -> String.format(Locale.ROOT, "| %s | %.0f | %.0f |",
                            entry.getKey(), entry.getValue().heapAfterGcMb(), entry.getValue().residentMb())).toList())));
            report.write();
            assertThat(replayed).isEqualTo(stored);
            desks.forEach(desk -> desk.connection().close());
        } finally {
            for (SideProcess side : sides) {
                side.close();
            }
        }
    }

    /** The names the sides use by default for the events topic. */
    private static final class KafkaEventsTopic {
        static final String DEFAULT = "motsach.school-events";
    }

    private static SideProcess side(List<SideProcess> sides, SideProcess side) {
        sides.add(side);
        return side;
    }

    /** Measured desks, and what PostgreSQL did for them: transactions committed and WAL written, the whole system's. */
    private record Desks(LatencyRecorder checkouts, LatencyRecorder returns, int failures, long commits, long walBytes) {

        double perRequest(long amount) {
            return (double) amount / (checkouts.count() + returns.count());
        }
    }

    /** The desks at their pace, first to warm up, then measured. */
    private static Desks desks(List<CirculationBenchmark.Desk> desks, JdbcClient jdbc) throws Exception {
        CirculationBenchmark.run(desks, WARM_UP, THINK, null, null);
        LatencyRecorder checkouts = new LatencyRecorder(1_000_000);
        LatencyRecorder returns = new LatencyRecorder(1_000_000);
        long[] before = postgresWork(jdbc);
        CirculationBenchmark.Ran ran = CirculationBenchmark.run(desks, MEASURE, THINK, checkouts, returns);
        long[] after = postgresWork(jdbc);
        return new Desks(checkouts, returns, ran.failures(), after[0] - before[0], after[1] - before[1]);
    }

    /** Transactions committed in the database and WAL bytes written by the server so far. */
    private static long[] postgresWork(JdbcClient jdbc) {
        return new long[] {
                jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()").query(Long.class).single(),
                jdbc.sql("select wal_bytes::bigint from pg_stat_wal").query(Long.class).single()};
    }

    /** Every projection, the publisher and Streams at the store's head. */
    private static void caughtUp(SideProcess command, SideProcess query, Admin kafka, String application, String topic) {
        await(() -> {
            JsonNode projections = query.api().get("/api/v1/admin/projections").json();
            for (JsonNode projection : projections.path("items")) {
                if (projection.path("lag").asLong() > 0) {
                    return false;
                }
            }
            return republished(command) && streamsLag(kafka, application, topic) <= partitions(kafka, topic);
        });
    }

    private static boolean republished(SideProcess command) {
        JsonNode topic = command.api().get("/api/v1/admin/event-topic").json();
        return topic.path("remaining").asLong() == 0 && !topic.path("republishing").asBoolean();
    }

    /**
     * Records of {@code topic} the Streams application has not yet committed, from its group's
     * offsets against the partitions' ends (a transaction's marker takes an offset, hence at most
     * one a partition is counted as read). The application names its group after its id and the
     * version of its stores, so the group is found by the id.
     */
    private static long streamsLag(Admin kafka, String application, String topic) {
        try {
            String group = kafka.listGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(listed -> listed.groupId())
                    .filter(id -> id.startsWith(application))
                    .findFirst().orElseThrow();
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var partition : kafka.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()) {
                latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
            }
            long lag = 0;
            for (var end : kafka.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += end.getValue().offset() - (at == null ? 0 : at.offset());
            }
            return lag;
        } catch (Exception e) {
            return Long.MAX_VALUE;
        }
    }

    private static int partitions(Admin kafka, String topic) {
        try {
            return kafka.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
        } catch (Exception e) {
            return 0;
        }
    }

    /** Every event read and deserialised, applied nowhere; seconds taken. */
    private static double plainRead(PostgresEventStorageEngine engine, long events) {
        long started = System.nanoTime();
        long read = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            for (var iterator = stream.iterator(); iterator.hasNext(); ) {
                assertThat(iterator.next().getPayload()).isNotNull();
                read++;
            }
        }
        assertThat(read).isEqualTo(events);
        return seconds(started);
    }

    private record Consumed(long records, double seconds) {
    }

    /** One consumer reading {@code topic} from its start to its end and decoding every envelope. */
    private static Consumed consumeAll(String bootstrap, String topic) {
        EventEnvelopeCodec codec = new EventEnvelopeCodec();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.seekToBeginning(partitions);
            long started = System.nanoTime();
            long seen = 0;
            long checksum = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    seen++;
                    checksum += codec.decode(record.value()).position();
                }
            }
            assertThat(checksum).isPositive();
            return new Consumed(seen, seconds(started));
        }
    }

    private record StoreSize(long table, long indexes, long total, long projections, long database) {
    }

    private static StoreSize storeSize(JdbcClient jdbc, long events) {
        return new StoreSize(
                jdbc.sql("select pg_table_size('domainevententry')").query(Long.class).single(),
                jdbc.sql("select pg_indexes_size('domainevententry')").query(Long.class).single(),
                jdbc.sql("select pg_total_relation_size('domainevententry')").query(Long.class).single(),
                jdbc.sql("select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint from pg_class c join pg_namespace n"
                        + " on n.oid = c.relnamespace where c.relkind = 'r' and c.relname like 'qs\\_%' and n.nspname = current_schema()")
                        .query(Long.class).single(),
                jdbc.sql("select pg_database_size(current_database())").query(Long.class).single());
    }

    private static long storeSize(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from domainevententry").query(Long.class).single();
    }

    private static <T> Iterator<T> limited(Iterator<T> events, long count) {
        return new Iterator<>() {
            private long left = count;

            @Override
            public boolean hasNext() {
                return left > 0 && events.hasNext();
            }

            @Override
            public T next() {
                left--;
                return events.next();
            }
        };
    }

    private static void await(BooleanSupplier done) {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < until) {
            try {
                if (done.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // a side still starting, or its answer not yet what is awaited
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Not done in " + PATIENCE);
    }

    private static void progress(String what) {
        System.out.printf("ProvinceScaleBenchmark %s: %s%n", Instant.now(), what);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static HikariDataSource dataSource(Map<String, Object> infrastructure) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl((String) infrastructure.get("spring.datasource.url"));
        dataSource.setUsername((String) infrastructure.get("spring.datasource.username"));
        dataSource.setPassword((String) infrastructure.get("spring.datasource.password"));
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }
}
