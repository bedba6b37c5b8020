package vn.motsach.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.TestTokens;

/**
 * One side (command, query or analytics) as production runs it: its own main class in its own
 * JVM, pointed at a PostgreSQL and a Kafka started apart, configured by its arguments; and what it
 * holds in memory, measured from outside. Its output goes to {@code <name>.log} in the data
 * directory. The JVM's options are the caller's: a test of behaviour runs small, compiling little,
 * heaps; a benchmark runs them as the image does.
 */
public final class SideProcess implements AutoCloseable {

    private static final String READINESS = "/actuator/health/readiness";

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final ApiClient api;

    private SideProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.api = new ApiClient(port);
    }

    /**
     * Starts it, without waiting for it to be ready ({@link #awaitReady}).
     *
     * @param infrastructure the Spring properties of the shared PostgreSQL and Kafka
     * @param jvmOptions options before the class path ({@code -Xmx...}, {@code -XX:...})
     * @param settings further {@code --name=value} arguments
     */
    public static SideProcess start(String name, Class<?> main, Map<String, Object> infrastructure, Path data,
            List<String> jvmOptions, String... settings) throws IOException {
        int port = JvmLaunch.freePort();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.application.name=" + name,
                "--motsach.security.jwt-secret=" + TestTokens.SECRET,
                "--motsach.data-dir=" + data.resolve(name),
                // the analytics side forwards a metric question to the instance holding its partition
                "--motsach.analytics.streams.application-server=127.0.0.1:" + port));
        arguments.addAll(List.of(settings));
        infrastructure.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        Files.createDirectories(data.resolve(name));
        Path log = data.resolve(name + ".log");
        return new SideProcess(name, JvmLaunch.start(jvmOptions, main, arguments, log), port, log);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** A client of its API, without a token. */
    public ApiClient api() {
        return api;
    }

    /**
     * Waits until it is ready to serve (its readiness group says so), or throws when it exited or
     * took longer than {@code atMost}.
     */
    public void awaitReady(Duration atMost) throws InterruptedException {
        JvmLaunch.awaitReady(process, api, READINESS, atMost, Duration.ofSeconds(1), name, log);
    }

    /** Runs a {@code jcmd} diagnostic command in its JVM and returns what it printed; throws when it failed. */
    public String jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid())));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
            throw new IllegalStateException(name + ": jcmd " + String.join(" ", arguments) + " failed: " + output);
        }
        return output;
    }

    /**
     * The heap in use just after a full collection ({@code jcmd GC.run}, then the JVM's own heap
     * meter) and the resident set of the process, both in MB.
     */
    public Memory memory() throws IOException, InterruptedException {
        jcmd("GC.run");
        ApiClient.Answer heap = api.get("/actuator/metrics/jvm.memory.used?tag=area:heap");
        if (heap.status() != 200) {
            throw new IllegalStateException(name + ": " + heap.status() + " " + heap.body());
        }
        double heapMb = heap.json().path("measurements").get(0).path("value").asDouble() / 1024 / 1024;
        return new Memory(heapMb, residentKb() / 1024.0);
    }

    public record Memory(double heapAfterGcMb, double residentMb) {
    }

    private long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** {@code kill -9}: nothing closed, as when its machine loses power. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stopped as a service manager stops it (asked, then killed after a minute); killed at once when interrupted. */
    @Override
    public void close() {
        try {
            JvmLaunch.stop(process);
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
