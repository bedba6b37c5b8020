package vn.motsach.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.TestTokens;

/**
 * The local all-in-one in a JVM of its own, as a person runs it (its main class, a small heap, its
 * embedded PostgreSQL and Kafka in a data directory), so that a test can kill it as a power cut
 * would ({@code kill -9}, nothing closed) and start it again on the same data. Its output goes to
 * a log file in the data directory, one per start.
 */
public final class LocalProcess implements AutoCloseable {

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
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-Daxoniq.update-checker.disabled=true", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                "-cp", applicationClasspath(), LocalApplication.class.getName(),
                "--server.port=" + port,
                "--motsach.data-dir=" + data,
                "--motsach.embedded.postgres-port=" + postgresPort,
                "--motsach.embedded.kafka-port=0",
                "--motsach.embedded.kafka-controller-port=0",
                "--motsach.security.jwt-secret=" + TestTokens.SECRET));
        command.addAll(List.of(settings));
        Files.createDirectories(data);
        Path log = data.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalProcess local = new LocalProcess(process, port, log);
        local.awaitReady(atMost);
        return local;
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
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void awaitReady(Duration atMost) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        ApiClient probe = new ApiClient(port).givingUpAfter(Duration.ofSeconds(5));
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The local application exited; its log: " + log);
            }
            try {
                if (probe.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The local application was not ready in " + atMost + "; its log: " + log);
    }

    /** This test's classpath without the test support, whose set-up would start a stack of its own. */
    private static String applicationClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes") && !entry.contains("mot-sach-testing")
                        && !entry.replace('\\', '/').contains("/infra/testing/"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
