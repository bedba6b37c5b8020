package vn.motsach.local.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * What the system's PostgreSQL sessions wait on, sampled from {@code pg_stat_activity} every
 * {@code every} milliseconds on a connection of its own: per wait (a lock, a lightweight lock,
 * I/O) and the statement waiting, how many samples found it so, and for a lock the statement of
 * the session holding it. A desk that waits on the import's transaction shows up here as a lock
 * wait whose holder is the import's statement.
 */
final class DatabaseWaits implements AutoCloseable {

    private static final String SAMPLE = """
            select a.wait_event_type || ':' || a.wait_event as wait, left(regexp_replace(a.query, '\\s+', ' ', 'g'), 90) as query,
                   coalesce((select left(regexp_replace(b.query, '\\s+', ' ', 'g'), 60) from pg_stat_activity b
                             where b.pid = (pg_blocking_pids(a.pid))[1]), '') as holder
            from pg_stat_activity a
            where a.state = 'active' and a.pid <> pg_backend_pid() and a.wait_event is not null
              and a.wait_event_type not in ('Activity', 'Client', 'Extension')
            """;

    private static final String PROCESSES = "select pid, coalesce(nullif(backend_type, 'client backend'), 'sessions') from pg_stat_activity";

    private final Map<String, AtomicLong> waits = new ConcurrentHashMap<>();
    /** CPU ticks each PostgreSQL process had used at the last reading, and its kind. */
    private final Map<Integer, Long> ticks = new ConcurrentHashMap<>();
    private final Map<Integer, String> kinds = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> ticksByKind = new ConcurrentHashMap<>();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    DatabaseWaits(Environment environment, long every) throws Exception {
        Connection connection = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password", ""));
        thread = new Thread(() -> {
            try (connection; Statement statement = connection.createStatement()) {
                while (running.get()) {
                    try (ResultSet rows = statement.executeQuery(SAMPLE)) {
                        while (rows.next()) {
                            String key = rows.getString(1) + " | " + rows.getString(2)
                                    + (rows.getString(3).isEmpty() ? "" : " | held by: " + rows.getString(3));
                            waits.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    if (samples.incrementAndGet() % 10 == 0) {
                        readCpu(statement);
                    }
                    Thread.sleep(every);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "bench-db-waits");
        thread.setDaemon(true);
        thread.start();
    }

    /** The CPU time PostgreSQL's processes used since the last reading, by kind (the sessions, the WAL writer, ...). */
    private void readCpu(Statement statement) throws java.sql.SQLException {
        try (ResultSet rows = statement.executeQuery(PROCESSES)) {
            while (rows.next()) {
                int pid = rows.getInt(1);
                kinds.put(pid, rows.getString(2));
            }
        }
        for (Map.Entry<Integer, String> process : kinds.entrySet()) {
            long used = cpuTicks(process.getKey());
            if (used < 0) {
                continue;
            }
            Long before = ticks.put(process.getKey(), used);
            if (before != null) {
                ticksByKind.computeIfAbsent(process.getValue(), k -> new AtomicLong()).addAndGet(used - before);
            }
        }
    }

    /** User and system time of a process, in clock ticks (hundredths of a second); -1 when it has ended. */
    private static long cpuTicks(int pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Integer.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The samples so far, and starts counting again. */
    String takeReport(int top) {
        long taken = samples.getAndSet(0);
        String cpu = ticksByKind.entrySet().stream().map(entry -> Map.entry(entry.getKey(), entry.getValue().getAndSet(0)))
                .filter(entry -> entry.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .map(entry -> String.format(java.util.Locale.ROOT, "`%s` %.1f s", entry.getKey(), entry.getValue() / 100.0))
                .collect(Collectors.joining(", "));
        Map<String, Long> counted = waits.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().getAndSet(0)));
        String lines = counted.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(top)
                .map(entry -> "| " + entry.getValue() + " | `" + entry.getKey().replace("|", "`, `") + "` |")
                .collect(Collectors.joining("\n"));
        return "PostgreSQL's CPU: " + cpu + ".\n\nSamples: " + taken + ". Sessions found waiting (count of samples, wait, statement):\n\n| samples | wait |\n|---|---|\n"
                + lines + "\n";
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
