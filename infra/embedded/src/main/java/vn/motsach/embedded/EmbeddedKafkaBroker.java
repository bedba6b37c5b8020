package vn.motsach.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import vn.motsach.infra.background.BackgroundThreads;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one) on loopback. The
 * cluster id is kept beside the log directory so that a restart reopens the same cluster and
 * keeps every topic.
 */
final class EmbeddedKafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final Path directory;
    private final int port;
    private final int controllerPort;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path directory, int port, int controllerPort) {
        this.server = server;
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    static EmbeddedKafkaBroker start(Path directory, int brokerPort, int controllerPort) {
        try {
            Files.createDirectories(directory);
            Path logs = directory.resolve("logs");
            Properties config = new Properties();
            config.put("process.roles", "broker,controller");
            config.put("node.id", "1");
            config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            config.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            config.put("controller.listener.names", "CONTROLLER");
            config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            config.put("inter.broker.listener.name", "PLAINTEXT");
            config.put("log.dirs", logs.toString());
            config.put("offsets.topic.replication.factor", "1");
            config.put("offsets.topic.num.partitions", "4");
            config.put("transaction.state.log.replication.factor", "1");
            config.put("transaction.state.log.min.isr", "1");
            config.put("transaction.state.log.num.partitions", "4");
            config.put("share.coordinator.state.topic.replication.factor", "1");
            config.put("share.coordinator.state.topic.min.isr", "1");
            config.put("group.initial.rebalance.delay.ms", "0");
            config.put("num.partitions", "1");
            config.put("auto.create.topics.enable", "false");
            config.put("log.retention.hours", "-1");
            Path configFile = directory.resolve("server.properties");
            try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                config.store(writer, "Written by Mọt Sách's embedded stack on every start");
            }
            format(configFile, clusterId(directory));
            // Started from a background thread, so the broker's threads, which inherit its priority,
            // run below the requests': the broker only carries background work (publishing, Streams).
            KafkaRaftServer server = BackgroundThreads.startedInBackground("kafka-broker-start", () -> {
                KafkaRaftServer starting = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
                starting.startup();
                return starting;
            });
            return new EmbeddedKafkaBroker(server, directory, brokerPort, controllerPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Kafka broker in " + directory, e);
        }
    }

    /** A new broker on the same ports and data, once this one has stopped. */
    EmbeddedKafkaBroker restart() {
        return start(directory, port, controllerPort);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static String clusterId(Path directory) throws IOException {
        Path file = directory.resolve("cluster-id");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id, StandardCharsets.UTF_8);
        return id;
    }

    private static void format(Path configFile, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", configFile.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }
}
