package vn.motsach.local.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline a benchmark's figures are divided by: single-row durable inserts into the same
 * PostgreSQL, in the same run, from as many connections as the benchmark has desks, each row its
 * own commit. What one machine's PostgreSQL can do at best for a write, whatever the load beside.
 */
record InsertBaseline(LatencyRecorder latency, double perSecond) {

    static InsertBaseline measure(String url, String user, String password, int connections, Duration duration) throws Exception {
        try (Connection setUp = DriverManager.getConnection(url, user, password)) {
            setUp.createStatement().execute("create table if not exists bench_baseline (id bigserial primary key, desk int, at timestamptz default now())");
        }
        LatencyRecorder latency = new LatencyRecorder(5_000_000);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int desk = 0; desk < connections; desk++) {
            int id = desk;
            running.add(pool.submit(() -> {
                try (Connection connection = DriverManager.getConnection(url, user, password);
                        PreparedStatement insert = connection.prepareStatement("insert into bench_baseline (desk) values (?)")) {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        insert.setInt(1, id);
                        insert.executeUpdate();
                        latency.record(System.nanoTime() - start);
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        pool.shutdownNow();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new InsertBaseline(latency, latency.count() / seconds);
    }
}
