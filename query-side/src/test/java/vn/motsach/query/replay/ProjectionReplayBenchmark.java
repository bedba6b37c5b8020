package vn.motsach.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.EventCatalogue;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.Routing;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.circulation.LoanRenewed;
import vn.motsach.events.holds.HoldFulfilled;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.events.holds.HoldReadyForPickup;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.schoolclass.ClassOpened;
import vn.motsach.infra.migrations.MigrationSet;
import vn.motsach.infra.migrations.SchemaMigrations;
import vn.motsach.query.ProjectionsUnderTest;
import vn.motsach.testing.BenchmarkReport;
import vn.motsach.testing.CpuUse;
import vn.motsach.testing.EventStores;
import vn.motsach.testing.TestInfrastructure;

/**
 * How fast a rebuild of every projection replays the event store, against a plain read of the
 * same events (fetched and deserialised, applied nowhere) in the same run. The store holds
 * the first weeks of several schools working at once: set-up, catalogue, patrons, loans, returns, renewals, holds.
 */
class ProjectionReplayBenchmark {

    /** Schools in the store; fewer for a quick look ({@code -Dreplay.schools=3}), the report names the count. */
    private static final int SCHOOLS = Integer.getInteger("replay.schools", 12);
    /** Events of one school in a row before the next school's ({@link #store()}). */
    private static final int INTERLEAVE = Integer.getInteger("replay.interleave", 20);
    private static final int CLASSES = 10;
    private static final int PATRONS = 400;
    private static final int TITLES = 1_200;
    private static final int COPIES_PER_TITLE = 3;
    private static final int LOANS = 4_000;
    private static final int HOLDS = 300;
    private static final Instant MONDAY = Instant.parse("2026-09-07T01:00:00Z");
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
            long appended = 0;
            List<SchoolEvent> store = store();
            for (int from = 0; from < store.size(); from += 1_000) {
                List<GenericDomainEventMessage<SchoolEvent>> batch = new ArrayList<>();
                for (SchoolEvent event : store.subList(from, Math.min(store.size(), from + 1_000))) {
                    batch.add(new GenericDomainEventMessage<>(EventCatalogue.nameOf(event.getClass()),
                            "bench-" + UUID.nameUUIDFromBytes((event.schoolId().value() + ":" + appended).getBytes(StandardCharsets.UTF_8)),
                            0, event));
                    appended++;
                }
                engine.appendEvents(batch);
            }
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

    /**
     * The schools' lives as a store holds them: schools work at the same time, so their events
     * interleave, a few at a time from each ({@code -Dreplay.interleave=0} appends one school after
     * another instead, the worst case for a rebuild that splits its work by school).
     */
    private static List<SchoolEvent> store() {
        List<List<SchoolEvent>> lives = new ArrayList<>();
        for (int s = 0; s < SCHOOLS; s++) {
            lives.add(lifeOf(SchoolId.of("bench-replay-" + s)));
        }
        int run = INTERLEAVE > 0 ? INTERLEAVE : Integer.MAX_VALUE;
        List<SchoolEvent> store = new ArrayList<>();
        for (int from = 0; store.size() < lives.stream().mapToInt(List::size).sum(); from += run) {
            for (List<SchoolEvent> life : lives) {
                if (from < life.size()) {
                    store.addAll(life.subList(from, (int) Math.min(life.size(), (long) from + run)));
                }
            }
        }
        return store;
    }

    private static List<SchoolEvent> lifeOf(SchoolId school) {
        List<SchoolEvent> events = new ArrayList<>();
        events.add(new SchoolRegistered(school, "Trường THCS " + school.value(), List.of(EducationLevel.LOWER_SECONDARY), null));
        for (int c = 0; c < CLASSES; c++) {
            events.add(new ClassOpened(school, ClassId.of("6a" + c), "6A" + c, 6, SchoolYear.of("2026-2027"), null));
        }
        for (int p = 0; p < PATRONS; p++) {
            events.add(new PatronRegistered(school, PatronId.of("hs-" + p), "Nguyễn Văn Học Sinh " + p, PatronCategory.STUDENT,
                    ClassId.of("6a" + (p % CLASSES))));
        }
        for (int t = 0; t < TITLES; t++) {
            String title = "Những tấm lòng cao cả tập " + t;
            events.add(new TitleCatalogued(school, title(school, t), title, List.of("Edmondo De Amicis"), null, "NXB Kim Đồng",
                    2020, "853", List.of("Văn học Ý", "Thiếu nhi"), DocType.CHILDREN, "vie"));
            for (int c = 0; c < COPIES_PER_TITLE; c++) {
                events.add(new CopyAccessioned(school, barcode(t, c), title(school, t), title, DocType.CHILDREN,
                        LocalDate.of(2026, 8, 1), "Mua", new BigDecimal("52000"), true));
            }
        }
        for (int l = 0; l < LOANS; l++) {
            int t = l % TITLES;
            int c = (l / TITLES) % COPIES_PER_TITLE;
            String patron = "hs-" + (l % PATRONS);
            ClassId classId = ClassId.of("6a" + (l % PATRONS % CLASSES));
            LoanId loan = LoanId.of(UUID.nameUUIDFromBytes((school.value() + ":loan:" + l).getBytes(StandardCharsets.UTF_8)));
            Instant at = MONDAY.plusSeconds(l * 60L);
            events.add(new CopyCheckedOut(school, loan, barcode(t, c), title(school, t), "tập " + t, DocType.CHILDREN,
                    PatronId.of(patron), PatronCategory.STUDENT, classId, at, LocalDate.of(2026, 9, 21), null));
            if (l % 8 == 0) {
                events.add(new LoanRenewed(school, loan, barcode(t, c), title(school, t), PatronId.of(patron), classId,
                        at.plusSeconds(3_600), LocalDate.of(2026, 9, 21), LocalDate.of(2026, 10, 5), 1));
            }
            boolean held = l % (LOANS / HOLDS) == 0;
            HoldId hold = HoldId.of(UUID.nameUUIDFromBytes((school.value() + ":hold:" + l).getBytes(StandardCharsets.UTF_8)));
            if (held) {
                events.add(new HoldPlaced(school, hold, title(school, t), PatronId.of("hs-" + ((l + 1) % PATRONS)),
                        PatronCategory.STUDENT, classId, at.plusSeconds(10), 1));
            }
            if (l % 10 != 9) {
                events.add(new CopyReturned(school, loan, barcode(t, c), title(school, t), PatronId.of(patron), PatronCategory.STUDENT,
                        classId, at.plusSeconds(7_200), LocalDate.of(2026, 9, 21), 0, held ? Routing.HOLD_SHELF : Routing.SHELF,
                        held ? hold : null));
                if (held) {
                    events.add(new HoldReadyForPickup(school, hold, title(school, t), PatronId.of("hs-" + ((l + 1) % PATRONS)),
                            barcode(t, c), at.plusSeconds(7_200), LocalDate.of(2026, 9, 10)));
                    events.add(new HoldFulfilled(school, hold, title(school, t), PatronId.of("hs-" + ((l + 1) % PATRONS)),
                            barcode(t, c), loan));
                }
            }
        }
        return events;
    }

    private static TitleId title(SchoolId school, int t) {
        return TitleId.of(UUID.nameUUIDFromBytes((school.value() + ":title:" + t).getBytes(StandardCharsets.UTF_8)));
    }

    private static Barcode barcode(int title, int copy) {
        return Barcode.of("TK-" + title + "-" + copy);
    }
}
