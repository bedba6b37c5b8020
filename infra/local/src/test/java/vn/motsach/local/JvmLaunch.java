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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import vn.motsach.testing.ApiClient;

/**
 * An application of this module started in a JVM of its own, as a person or a deployment starts
 * it: the java command line, the log its output goes to, the wait until it is ready and the stop.
 * The one place for what {@link LocalProcess} (the all-in-one) and {@link SideProcess} (one side)
 * launch alike.
 */
final class JvmLaunch {

    private JvmLaunch() {
    }

    /**
     * Starts {@code main} with the caller's JVM options and arguments, its output (both streams)
     * written to {@code log}.
     */
    static Process start(List<String> jvmOptions, Class<?> main, List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Daxoniq.update-checker.disabled=true", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                "-cp", classpath(), main.getName()));
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Waits until {@code health} answers 200, asking every {@code pause}; throws when the process
     * exited or took longer than {@code atMost}, naming it as {@code what}.
     */
    static void awaitReady(Process process, ApiClient api, String health, Duration atMost, Duration pause, String what,
            Path log) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        ApiClient probe = api.givingUpAfter(Duration.ofSeconds(5));
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited; its log: " + log);
            }
            try {
                if (probe.get(health).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(pause.toMillis());
        }
        throw new IllegalStateException(what + " was not ready in " + atMost + "; its log: " + log);
    }

    /** As a service manager stops it: asked to stop, then killed after a minute. */
    static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** This test's classpath without the test support, whose set-up would start a stack of its own. */
    private static String classpath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes") && !entry.contains("mot-sach-testing")
                        && !entry.replace('\\', '/').contains("/infra/testing/"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
