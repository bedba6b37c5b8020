package vn.motsach.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.TestTokens;

/**
 * The local all-in-one in a JVM of its own, as a person runs it (its main class, a small heap, its
 * embedded PostgreSQL and Kafka in a data directory), so that a test can kill it as a power cut
 * would ({@code kill -9}, nothing closed) and start it again on the same data. Its output goes to
 * a log file in the data directory, one per start.
 */
public final class LocalProcess implements AutoCloseable {

    /** A small heap, compiling little, as on a school's own machine. */
    private static final List<String> SMALL_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

    private final Process process;
    private final int port;
    private final Path log;

    private LocalProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts it and waits until it is ready.
     *
     * @param postgresPort fixed, so that a test reaches the same cluster by JDBC after a restart
     * @param settings further {@code --name=value} arguments
     */
    public static LocalProcess start(Path data, String name, int postgresPort, Duration atMost, String... settings)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--motsach.data-dir=" + data,
                "--motsach.embedded.postgres-port=" + postgresPort,
                "--motsach.embedded.kafka-port=0",
                "--motsach.embedded.kafka-controller-port=0",
                "--motsach.security.jwt-secret=" + TestTokens.SECRET));
        arguments.addAll(List.of(settings));
        Path log = data.resolve(name + ".log");
        Process process = JvmLaunch.start(SMALL_JVM, LocalApplication.class, arguments, log);
        JvmLaunch.awaitReady(process, new ApiClient(port), "/actuator/health", atMost, Duration.ofMillis(500),
                "The local application", log);
        return new LocalProcess(process, port, log);
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** {@code kill -9}: no shutdown hook runs, the embedded PostgreSQL (a child) is left behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        JvmLaunch.stop(process);
    }

    public static int freePort() throws IOException {
        return JvmLaunch.freePort();
    }
}
