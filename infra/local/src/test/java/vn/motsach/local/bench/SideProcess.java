package vn.motsach.local.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import vn.motsach.local.LocalProcess;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.TestTokens;

/**
 * One side (command, query or analytics) in a JVM of its own, as production runs it: its own
 * main class, configured by its arguments, pointed at a PostgreSQL and Kafka started elsewhere,
 * as MultiInstanceIT starts them; and what it holds in memory, measured from outside.
 */
final class SideProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final ApiClient api;
    private final int port;
    private final Path log;

    private SideProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.log = log;
        this.process = process;
        this.port = port;
        this.api = new ApiClient(port);
    }

    /** Starts {@code main} with a heap of {@code heap}; {@link #awaitReady} waits until it says it is ready. */
    static SideProcess launch(String name, Class<?> main, String heap, Map<String, Object> infrastructure, Path data,
            String... settings) throws IOException {
        int port = LocalProcess.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-Xss512k",
                "-Daxoniq.update-checker.disabled=true", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                "-cp", sideClasspath(), main.getName(),
                "--server.port=" + port,
                "--spring.application.name=" + name,
                "--logging.level.root=WARN",
                "--motsach.security.jwt-secret=" + TestTokens.SECRET,
                "--motsach.data-dir=" + data.resolve(name)));
        infrastructure.forEach((key, value) -> command.add("--" + key + "=" + value));
        command.addAll(List.of(settings));
        Files.createDirectories(data.resolve(name));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve(name + ".log").toFile()).start();
        return new SideProcess(name, process, port, data.resolve(name + ".log"));
    }

    ApiClient api() {
        return api;
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    /**
     * The heap in use just after a full collection ({@code jcmd GC.run}, then the JVM's own heap
     * meter) and the resident set of the process, both in MB.
     */
    Memory memory() throws IOException, InterruptedException {
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start();
        gc.getInputStream().readAllBytes();
        gc.waitFor(60, TimeUnit.SECONDS);
        ApiClient.Answer heap = api.get("/actuator/metrics/jvm.memory.used?tag=area:heap");
        if (heap.status() != 200) {
            throw new IllegalStateException(name + ": " + heap.status() + " " + heap.body());
        }
        double heapMb = heap.json().path("measurements").get(0).path("value").asDouble() / 1024 / 1024;
        return new Memory(heapMb, residentKb() / 1024.0);
    }

    record Memory(double heapAfterGcMb, double residentMb) {
    }

    private long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Waits until it answers ready, or throws when it exited or took longer than {@code atMost}. */
    void awaitReady(Duration atMost) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        ApiClient probe = api.givingUpAfter(Duration.ofSeconds(5));
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; its log: " + log);
            }
            try {
                if (probe.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException(name + " was not ready in " + atMost + "; its log: " + log);
    }

    /** This test's classpath without the test support, whose set-up would start a stack of its own. */
    private static String sideClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes") && !entry.contains("mot-sach-testing")
                        && !entry.replace('\\', '/').contains("/infra/testing/"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
