package vn.motsach.testing;

import java.nio.file.Path;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import vn.motsach.embedded.EmbeddedStack;

/**
 * A real PostgreSQL and a real Kafka broker for integration tests, started once per test JVM
 * and shared by every test in it. {@code motsach.test.infrastructure} picks the kind:
 * {@code testcontainers}, {@code embedded}, or {@code auto} (the default: containers where a
 * Docker engine answers, the embedded stack otherwise); {@code none} leaves a test to bring its
 * own (the local launcher's restart test starts its own embedded stack).
 */
public final class TestInfrastructure {

    public static final String KIND_PROPERTY = "motsach.test.infrastructure";

    private static Map<String, Object> properties;
    private static Path dataDirectory;

    private TestInfrastructure() {
    }

    /** The Spring properties that point an application at the shared infrastructure. */
    public static synchronized Map<String, Object> properties(String kind) {
        if (properties == null) {
            properties = start(kind);
        }
        return properties;
    }

    /** A fresh directory per test JVM for what applications keep on disk (Streams state). */
    public static synchronized Path dataDirectory() {
        if (dataDirectory == null) {
            dataDirectory = TestDirectories.create("data-");
        }
        return dataDirectory;
    }

    private static Map<String, Object> start(String kind) {
        boolean containers = switch (kind) {
            case "testcontainers" -> true;
            case "embedded" -> false;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable();
            default -> throw new IllegalArgumentException(KIND_PROPERTY + " must be auto, embedded or testcontainers: " + kind);
        };
        return containers ? startContainers() : startEmbedded();
    }

    private static Map<String, Object> startEmbedded() {
        EmbeddedStack stack = EmbeddedStack.start(TestDirectories.create("stack-"), true, true, EmbeddedStack.Ports.anyFree(), false);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::abandon, "embedded-stack-stop"));
        return stack.properties();
    }

    @SuppressWarnings("resource")
    private static Map<String, Object> startContainers() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");
        postgres.start();
        kafka.start();
        return Map.of(
                "spring.datasource.url", postgres.getJdbcUrl(),
                "spring.datasource.username", postgres.getUsername(),
                "spring.datasource.password", postgres.getPassword(),
                "motsach.kafka.bootstrap-servers", kafka.getBootstrapServers());
    }
}
