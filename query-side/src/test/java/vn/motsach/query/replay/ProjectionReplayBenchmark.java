package vn.motsach.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.migrations.MigrationSet;
import vn.motsach.infra.migrations.SchemaMigrations;
import vn.motsach.query.ProjectionsUnderTest;
import vn.motsach.testing.BenchmarkReport;
import vn.motsach.testing.CpuUse;
import vn.motsach.testing.EventStores;
import vn.motsach.testing.GeneratedSchools;
import vn.motsach.testing.TestInfrastructure;

/**
 * How fast a rebuild of every projection replays the event store, against a plain read of the
 * same events (fetched and deserialised, applied nowhere) in the same run. The store holds
 * the first weeks of several schools working at once: set-up, catalogue, patrons, loans, returns, renewals, holds.
 */
class ProjectionReplayBenchmark {

    /** Schools in the store; fewer for a quick look ({@code -Dreplay.schools=3}), the report names the count. */
    private static final int SCHOOLS = Integer.getInteger("replay.schools", 12);
    /** Events of one school in a row before the next school's ({@code 0}: one school after another, the worst case for a rebuild that splits its work by school). */
    private static final int INTERLEAVE = Integer.getInteger("replay.interleave", 20);
    private static final int LOANS = GeneratedSchools.Sizes.firstWeeks().loans();
    /** Rebuilds that warm the JVM up after the cold one, and rebuilds measured after them. */
    private static final int WARM_UPS = Integer.getInteger("replay.warmups", 2);
    private static final int RUNS = Integer.getInteger("replay.runs", 3);

    @Test
    void replayRateAgainstAPlainReadOfTheEvents() throws Exception {
        Map<String, Object> infrastructure = TestInfrastructure.properties(System.getProperty(TestInfrastructure.KIND_PROPERTY, "auto"));
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl((String) infrastructure.get("spring.datasource.url"));
            dataSource.setUsername((String) infrastructure.get("spring.datasource.username"));
            dataSource.setPassword((String) infrastructure.get("spring.datasource.password"));
            dataSource.setMaximumPoolSize(6);
            new SchemaMigrations(dataSource, List.of(SchemaMigrations.PLATFORM, new MigrationSet("query", "classpath:db/query")));
            JdbcClient jdbc = JdbcClient.create(dataSource);
            JdbcEventStorageEngine engine = EventStores.postgres(dataSource);

            long appendStarted = System.nanoTime();
            List<SchoolId> schools = IntStream.range(0, SCHOOLS).mapToObj(s -> SchoolId.of("bench-replay-" + s)).toList();
            long appended = GeneratedSchools.append(engine, GeneratedSchools.interleaved(schools, GeneratedSchools.Sizes.firstWeeks(), INTERLEAVE),
                    1_000, "bench-");
            double appendSeconds = (System.nanoTime() - appendStarted) / 1e9;
            long stored = jdbc.sql("select count(*) from domainevententry").query(Long.class).single();
            // the store as a server keeps it, vacuumed and analysed, rather than by an autovacuum
            // worker that would wake up in the middle of one of the rebuilds
            jdbc.sql("vacuum analyze domainevententry").update();

            long postmaster;
            try (var connection = dataSource.getConnection()) {
                postmaster = CpuUse.postmasterOf(connection);
            }
            ProjectionRebuild rebuild = new ProjectionRebuild(dataSource, engine, ProjectionsUnderTest.of(jdbc).projections(), null,
                    Clock.systemUTC());
            Rebuilt freshRead = plainRead(engine, postmaster);
            Rebuilt cold = rebuilt(rebuild, freshRead.events(), jdbc, postmaster);
            List<Rebuilt> warmUps = new ArrayList<>();
            for (int i = 0; i < WARM_UPS; i++) {
                warmUps.add(rebuilt(rebuild, freshRead.events(), jdbc, postmaster));
            }
            Rebuilt warmRead = plainRead(engine, postmaster);
            List<Rebuilt> measured = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                measured.add(rebuilt(rebuild, freshRead.events(), jdbc, postmaster));
            }
            List<Double> rates = measured.stream().map(Rebuilt::rate).sorted().toList();
            double median = rates.get(rates.size() / 2);

            BenchmarkReport report = new BenchmarkReport("projection-replay", "Projection replay: rebuilding every projection from the event store")
                    .line("Event store: %,d events (%,d appended here for %d schools in %.1f s, %,.0f events/s through Axon's JDBC engine),"
                            .formatted(stored, appended, SCHOOLS, appendSeconds, appended / appendSeconds))
                    .line(INTERLEAVE > 0 ? "the schools' events interleaved %d at a time, as schools working at once leave them."
                            .formatted(INTERLEAVE) : "one school's events after another's.")
                    .line("Projections rebuilt together, one pass over the store: %s.".formatted(String.join(", ", rebuild.names())))
                    .line("Baseline: a plain read of the same events through the same storage engine, each payload deserialised,")
                    .line("in a fresh JVM and again once the rebuilds have warmed it up.")
                    .line("")
                    .line("Rebuilds: one in a JVM that has not yet compiled its code (cold); %d to warm it up, as a server that has"
                            .formatted(WARM_UPS))
                    .line("rebuilt before is (the JIT compiler is still at work in the first ones); then %d measured.".formatted(RUNS))
                    .line("Every rebuild includes finishing the tables (logging, indexing, analysing) and the swap.")
                    .line("")
                    .line("CPU per event: of this JVM (the reader, the lanes, compilation and garbage collection included) and of")
                    .line("the PostgreSQL server's processes; less sensitive than a rate to what else the two cores run.")
                    .line("")
                    .line("| | events | seconds | events/s | ÷ plain read | JVM CPU per event | PostgreSQL CPU per event |")
                    .line("|---|---|---|---|---|---|---|")
                    .line(freshRead.row("plain read, fresh JVM", freshRead.rate()))
                    .line(cold.row("rebuild, cold", freshRead.rate()));
            for (int i = 0; i < warmUps.size(); i++) {
                report.line(warmUps.get(i).row("rebuild, warm-up " + (i + 1), warmRead.rate()));
            }
            report.line(warmRead.row("plain read, warm (baseline)", warmRead.rate()));
            for (int i = 0; i < measured.size(); i++) {
                report.line(measured.get(i).row("rebuild, measured " + (i + 1), warmRead.rate()));
            }
            report.line("")
                    .line("Target: above 20,000 events/s. Measured: median %,.0f events/s of %d warm rebuilds (%,.0f–%,.0f, %.2f–%.2f ÷ the"
                            .formatted(median, RUNS, rates.get(0), rates.get(rates.size() - 1), rates.get(0) / warmRead.rate(),
                                    rates.get(rates.size() - 1) / warmRead.rate()))
                    .line("warm plain read); %,.0f cold.".formatted(cold.rate()))
                    .write();
        }
    }

    /** The baseline: every event read and deserialised, applied nowhere. */
    private static Rebuilt plainRead(JdbcEventStorageEngine engine, long postmaster) {
        CpuUse before = CpuUse.now(postmaster);
        long started = System.nanoTime();
        long read = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            for (var iterator = stream.iterator(); iterator.hasNext(); ) {
                assertThat(iterator.next().getPayload()).isNotNull();
                read++;
            }
        }
        return new Rebuilt(read, (System.nanoTime() - started) / 1e9, CpuUse.now(postmaster).since(before));
    }

    private static Rebuilt rebuilt(ProjectionRebuild rebuild, long events, JdbcClient jdbc, long postmaster) {
        CpuUse before = CpuUse.now(postmaster);
        long started = System.nanoTime();
        RebuildStatus status = rebuild.rebuild(List.of());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(status.state()).as(String.valueOf(status.failure())).isEqualTo("DONE");
        assertThat(status.eventsReplayed()).isEqualTo(events);
        assertThat(jdbc.sql("select count(*) from qs_loan where school_id like 'bench-replay-%'").query(Long.class).single())
                .isEqualTo((long) SCHOOLS * LOANS);
        return new Rebuilt(status.eventsReplayed(), seconds, CpuUse.now(postmaster).since(before));
    }

    private record Rebuilt(long events, double seconds, CpuUse cpu) {

        double rate() {
            return events / seconds;
        }

        String row(String what, double baselineRate) {
            return "| %s | %,d | %.2f | %,.0f | %.2f | %.0f µs | %.0f µs |".formatted(what, events, seconds, rate(), rate() / baselineRate,
                    cpu.jvmNanos() / 1e3 / events, cpu.postgresNanos() / 1e3 / events);
        }
    }
}
