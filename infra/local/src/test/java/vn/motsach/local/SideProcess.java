package vn.motsach.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.TestTokens;

/**
 * One side as production runs it: its own main class in its own JVM, pointed at a PostgreSQL and
 * a Kafka started apart, configured by its arguments. Its output goes to {@code <name>.log} in the
 * data directory. The JVM's options are the caller's: a test of behaviour runs small, compiling
 * little, heaps; a benchmark runs them as the image does.
 */
public final class SideProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private SideProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts it, without waiting for it to be ready ({@link #ready()}).
     *
     * @param infrastructure the Spring properties of the shared PostgreSQL and Kafka
     * @param jvmOptions options before the class path ({@code -Xmx...}, {@code -XX:...})
     * @param settings further {@code --name=value} arguments
     */
    public static SideProcess start(String name, Class<?> main, Map<String, Object> infrastructure, Path data,
            List<String> jvmOptions, String... settings) throws IOException {
        int port = LocalProcess.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Daxoniq.update-checker.disabled=true", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                "-cp", sideClasspath(), main.getName(),
                "--server.port=" + port,
                "--spring.application.name=" + name,
                "--motsach.security.jwt-secret=" + TestTokens.SECRET,
                "--motsach.data-dir=" + data.resolve(name),
                // the analytics side forwards a metric question to the instance holding its partition
                "--motsach.analytics.streams.application-server=127.0.0.1:" + port));
        command.addAll(List.of(settings));
        infrastructure.forEach((key, value) -> command.add("--" + key + "=" + value));
        Files.createDirectories(data.resolve(name));
        Path log = data.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new SideProcess(process, port, log);
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

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ready to serve: its readiness group says so. */
    public boolean ready() {
        try {
            return new ApiClient(port).get("/actuator/health/readiness").status() == 200;
        } catch (UncheckedIOException notYet) {
            return false;
        }
    }

    /** {@code kill -9}: nothing closed, as when its machine loses power. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
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
