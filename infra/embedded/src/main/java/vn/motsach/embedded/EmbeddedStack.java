package vn.motsach.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded default: a real PostgreSQL and a real Kafka broker started by the project, both
 * on loopback, both keeping their data under one directory. Either part is left out when an
 * external one is configured.
 */
public final class EmbeddedStack implements AutoCloseable {

    private final Path dataDirectory;
    private final EmbeddedPostgresServer postgres;
    private volatile EmbeddedKafkaBroker kafka;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedStack(Path dataDirectory, EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * @param ports 0 for any free port
     * @param durable whether PostgreSQL must survive a power cut (local data) or may be fast (tests)
     */
    public static EmbeddedStack start(Path dataDirectory, boolean withPostgres, boolean withKafka, Ports ports, boolean durable) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        EmbeddedPostgresServer postgres = null;
        try {
            if (withPostgres) {
                postgres = EmbeddedPostgresServer.start(directory.resolve("postgres"), ports.postgres(), durable);
            }
            EmbeddedKafkaBroker kafka = withKafka
                    ? EmbeddedKafkaBroker.start(directory.resolve("kafka"), orFree(ports.kafka()), orFree(ports.kafkaController()))
                    : null;
            return new EmbeddedStack(directory, postgres, kafka);
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    /** The Spring properties that point every side at this stack. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (postgres != null) {
            properties.put("spring.datasource.url", postgres.jdbcUrl());
            properties.put("spring.datasource.username", postgres.username());
            properties.put("spring.datasource.password", postgres.password());
            // The server runs here as this user: background work's sessions can be lowered with its threads.
            properties.put("motsach.background.lower-database-sessions", "true");
        }
        if (kafka != null) {
            properties.put("motsach.kafka.bootstrap-servers", kafka.bootstrapServers());
        }
        return properties;
    }

    /**
     * Stops the broker, as an outage would, until the returned handle is closed; it then comes
     * back on the same ports with the same data. For outage drills: clients must ride it out.
     */
    public KafkaOutage stopKafka() {
        EmbeddedKafkaBroker running = kafka;
        if (running == null) {
            throw new IllegalStateException("This stack has no embedded Kafka broker");
        }
        running.close();
        return () -> kafka = running.restart();
    }

    /** A broker outage in progress; closing it ends the outage. */
    @FunctionalInterface
    public interface KafkaOutage extends AutoCloseable {

        @Override
        void close();
    }

    public String describe() {
        StringBuilder text = new StringBuilder("Embedded stack in ").append(dataDirectory).append(':');
        if (postgres != null) {
            text.append(" PostgreSQL at ").append(postgres.jdbcUrl()).append(" (user postgres, password in ")
                    .append(dataDirectory.resolve("postgres").resolve(EmbeddedPostgresServer.PASSWORD_FILE)).append(");");
        }
        if (kafka != null) {
            text.append(" Kafka at ").append(kafka.bootstrapServers()).append(';');
        }
        return text.toString();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            if (kafka != null) {
                kafka.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /**
     * For a JVM that is exiting anyway (a test run): stops PostgreSQL, a process of its own that
     * would outlive us, and leaves the in-JVM broker to end with the JVM instead of waiting out
     * its controlled shutdown while clients still talk to it.
     */
    public void abandon() {
        if (!closed.getAndSet(true) && postgres != null) {
            postgres.close();
        }
    }

    public record Ports(int postgres, int kafka, int kafkaController) {

        public static Ports anyFree() {
            return new Ports(0, 0, 0);
        }
    }

    private static int orFree(int port) {
        if (port > 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
