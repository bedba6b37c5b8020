package vn.motsach.local.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by the PostgreSQL server processes: what a request costs,
 * beside how long it waits. On this shared machine both vary with the other tenants' load.
 */
record CpuUse(long jvmNanos, long postgresNanos) {

    /** Linux counts a process's CPU in clock ticks, 100 a second on every common kernel. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static CpuUse now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuUse(os.getProcessCpuTime(), postgres());
    }

    CpuUse since(CpuUse earlier) {
        return new CpuUse(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos);
    }

    /** User and system time of every process named postgres, or 0 where /proc is not there to read. */
    private static long postgres() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return 0;
        }
        try (Stream<Path> processes = Files.list(proc)) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuUse::postgresTicks).sum() * NANOS_PER_TICK;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (!stat.substring(open + 1, close).equals("postgres")) {
                return 0;
            }
            // after the command: state is field 3; utime and stime are fields 14 and 15
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // a process that ended meanwhile
        }
    }
}
