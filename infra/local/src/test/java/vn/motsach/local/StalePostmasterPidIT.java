package vn.motsach.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.motsach.embedded.EmbeddedStack;
import vn.motsach.testing.TestDirectories;

/**
 * After a crash the embedded PostgreSQL's {@code postmaster.pid} may name a process that is no
 * longer ours (after a reboot its number is given again to anything): the next start stops only
 * a PostgreSQL, never that process, and starts all the same.
 */
class StalePostmasterPidIT {

    @Test
    void aStalePidFileNamingAnotherProcessLeavesThatProcessAlone() throws Exception {
        Path data = TestDirectories.create("stale-pid-");
        try (EmbeddedStack stack = start(data)) {
            assertThat(stack.properties()).containsKey("spring.datasource.url");
        }
        Process stranger = new ProcessBuilder("sleep", "300").start();
        try {
            // what a crash leaves, the pid since given to another program
            Files.writeString(data.resolve("postgres/postmaster.pid"), stranger.pid() + "\n" + data.resolve("postgres") + "\n");
            try (EmbeddedStack again = start(data)) {
                assertThat(again.properties()).containsKey("spring.datasource.url");
            }
            assertThat(stranger.isAlive()).as("the process named by the stale pid file").isTrue();
        } finally {
            stranger.destroyForcibly();
        }
    }

    private static EmbeddedStack start(Path data) {
        return EmbeddedStack.start(data, true, false, EmbeddedStack.Ports.anyFree(), false);
    }
}
