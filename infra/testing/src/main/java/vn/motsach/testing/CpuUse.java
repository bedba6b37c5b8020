package vn.motsach.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by PostgreSQL server processes: what a request or an
 * event costs, beside how long it waits, which on a shared machine varies with the other
 * tenants' load far more than the cost does.
 */
public record CpuUse(long jvmNanos, long postgresNanos) {

    /** Linux counts a process's CPU in clock ticks, 100 a second on every common kernel. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final long ANY_SERVER = -1;

    /** This JVM, and every process named postgres on the machine. */
    public static CpuUse now() {
        return new CpuUse(jvm(), postgres(ANY_SERVER));
    }

    /** This JVM, and the server whose postmaster is {@code postmaster}: its own processes only. */
    public static CpuUse now(long postmaster) {
        return new CpuUse(jvm(), postgres(postmaster));
    }

    /** The postmaster of the server {@code connection} talks to, found through its server process. */
    public static long postmasterOf(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            String[] fields = stat(Path.of("/proc", String.valueOf(result.getLong(1))));
            return fields == null ? ANY_SERVER : Long.parseLong(fields[2]);
        }
    }

    public CpuUse since(CpuUse earlier) {
        return new CpuUse(jvmNanos - earlier.jvmNanos, postgresNanos - earlier.postgresNanos);
    }

    /** CPU time so far of this JVM, every thread included. */
    public static long jvm() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime();
    }

    /** User and system time so far of another process (a side started apart), or 0 once it has ended. */
    public static long process(long pid) {
        String[] fields = stat(Path.of("/proc", String.valueOf(pid)));
        return fields == null ? 0 : (Long.parseLong(fields[12]) + Long.parseLong(fields[13])) * NANOS_PER_TICK;
    }

    /** User and system time of the postgres processes, or 0 where /proc is not there to read. */
    private static long postgres(long postmaster) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return 0;
        }
        try (Stream<Path> processes = Files.list(proc)) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> postgresTicks(p, postmaster)).sum() * NANOS_PER_TICK;
        } catch (IOException e) {
            return 0;
        }
    }

    private static long postgresTicks(Path process, long postmaster) {
        String[] fields = stat(process);
        if (fields == null || !fields[0].equals("postgres")) {
            return 0;
        }
        long pid = Long.parseLong(process.getFileName().toString());
        if (postmaster != ANY_SERVER && pid != postmaster && Long.parseLong(fields[2]) != postmaster) {
            return 0;
        }
        long own = Long.parseLong(fields[12]) + Long.parseLong(fields[13]);
        // a server process that ended (a closed connection) is counted in its postmaster's reaped children
        return pid == postmaster ? own + Long.parseLong(fields[14]) + Long.parseLong(fields[15]) : own;
    }

    /**
     * The fields of a process's stat from its command on: the command, then the state, the parent,
     * ... (parent at 2, utime and stime at 12 and 13, those of reaped children at 14 and 15); null for a process that ended meanwhile.
     */
    private static String[] stat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String[] after = stat.substring(close + 2).split(" ");
            String[] fields = new String[after.length + 1];
            fields[0] = stat.substring(open + 1, close);
            System.arraycopy(after, 0, fields, 1, after.length);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
