package vn.motsach.analytics.streams;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.motsach.infra.background.BackgroundThreads;
import vn.motsach.infra.kafka.KafkaSettings;

/** Runs the analytics topology as one Kafka Streams application, from start-up to shutdown. */
public final class StreamsRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

    private static final StringSerializer KEYS = new StringSerializer();
    private static final long STORE_CACHE_BYTES = 32L * 1024 * 1024;
    /**
     * The generation of the stores' layout, part of the application id. Streams keeps committed
     * offsets, changelogs and local state per application id, so an instance whose stores changed
     * shape starts a new id and replays the events topic (kept forever) into fresh stores, instead
     * of reading old rows with new code. Raise it whenever a store's keys or values change meaning.
     * stores3: a student's month counts self-reported reading minutes apart from those the school
     * saw (which stores2 added together), and the roster keeps no names. stores4: each school's
     * authority by school year, derived into the supervision topic, which a replay fills for the
     * schools registered before it.
     */
    static final String STORE_LAYOUT = "stores4";

    private final KafkaStreams streams;
    private volatile boolean running;

    /** Runs {@code topology} with {@code config}, made by {@link #config}. */
    public StreamsRunner(Topology topology, Properties config, StreamFailures failures) {
        // made and started on a background thread: its threads (and their clients') take that priority
        this.streams = BackgroundThreads.startedInBackground("streams-start", () -> new KafkaStreams(topology, config));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Kafka Streams thread failed; replacing it", e);
            failures.record(e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public static Properties config(KafkaSettings kafka, StreamsSettings settings) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId() + "-" + STORE_LAYOUT);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDirectory());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitIntervalMs());
        // Stores are read by interactive queries through their cache, so caching delays no answer;
        // it only saves RocksDB and changelog writes of values updated several times per commit.
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, STORE_CACHE_BYTES);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        // Every task reads one partition (the events topic, or one repartition topic), so there is
        // nothing to wait for across partitions; waiting costs a formatted log message per check.
        config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) kafka.replicationFactor());
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        config.put(StreamsConfig.consumerPrefix("session.timeout.ms"), settings.sessionTimeoutMs());
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        if (settings.applicationServer() != null && !settings.applicationServer().isBlank()) {
            config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.applicationServer());
        }
        return config;
    }

    public <T> T store(String name, QueryableStoreType<T> type) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, type));
    }

    /** Which instance holds {@code key} of {@code store}: school-keyed stores follow the school's partition. */
    public KeyQueryMetadata ownerOf(String store, String key) {
        return streams.queryMetadataForKey(store, key, KEYS);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * The records waiting in the partitions this instance reads, from the consumers' own lag
     * metrics (one per assigned partition; a partition not fetched yet has none).
     */
    public double recordsBehind() {
        return streams.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals("records-lag")
                        && metric.getKey().group().equals("consumer-fetch-manager-metrics"))
                .map(metric -> metric.getValue().metricValue())
                .filter(value -> value instanceof Number number && Double.isFinite(number.doubleValue()))
                .mapToDouble(value -> ((Number) value).doubleValue())
                .sum();
    }

    @Override
    public void start() {
        BackgroundThreads.startedInBackground("streams-start", () -> {
            streams.start();
            return true;
        });
        running = true;
        log.info("Analytics started: Kafka Streams application with state in its state directory");
    }

    @Override
    public void stop() {
        // Leaving the group lets a restarted instance take its partitions at once, instead of
        // waiting out the session timeout of the member that left silently.
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
