package vn.motsach.query.replay;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.motsach.infra.background.BackgroundConnections;
import vn.motsach.infra.background.BackgroundThreads;
import vn.motsach.infra.web.ApiProblem;

/**
 * Rebuilds projections beside the live ones ("blue/green"), while the system runs:
 * <ol>
 * <li>creates each table of the projections again, empty, {@code LIKE} the live one, in the
 * schema {@value #REBUILD_SCHEMA};
 * <li>replays the whole event store into them through fresh instances of the projections' own
 * handlers, on {@value #LANES} connections whose search path leads to that schema, which apply
 * the projections of a page side by side ({@link ReplayLanes}), a page of {@value #PAGE} events
 * per transaction; queries meanwhile answer from the live tables, which the live processors keep
 * up to date. The pages are read ahead on another thread ({@link EventPages}), and the handlers'
 * writes go in JDBC batches, one layer of writes to different rows at a time
 * ({@link QueuedWrites}), rather than one round trip per statement;
 * <li>when little is left, locks the live tables, applies the last events, drops the live tables
 * and moves the rebuilt ones in their place, all in one transaction.
 * </ol>
 * The rebuilt tables then hold every event up to the head of the store; the live processors
 * carry on from their own tokens, and the events they see again change nothing, every write
 * being guarded by the event's position. One rebuild at a time, across instances (an advisory
 * lock).
 */
public final class ProjectionRebuild {

    public static final String REBUILD_SCHEMA = "qs_rebuild";

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final long ADVISORY_LOCK = 0x6d6f7473616368L;
    private static final int PAGE = 5000;
    /** Events still to replay when the swap may begin: few enough to hold the lock only briefly. */
    private static final int FEW = 1000;
    private static final int SWAP_ATTEMPTS = 20;
    private static final String LOCK_TIMEOUT = "800ms";
    /**
     * Connections that apply a page's projections side by side ({@link ReplayLanes}): one per
     * core of a small database server, each taken from the pool for the rebuild's duration.
     */
    private static final int LANES = 2;

    private final DataSource dataSource;
    private final EventStorageEngine events;
    private final Map<String, ReplayedProjection> projections = new TreeMap<>();
    private final Clock clock;
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle());
    private final AtomicBoolean running = new AtomicBoolean();
    /** Below the requests' priority; its lanes and its reader, started from it, inherit that. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(BackgroundThreads.single("projection-rebuild"));

    /**
     * Rebuilds {@code projections}, instances of the query side's projections; {@code beans} give
     * their constructors whatever they take besides a client, or null when they take nothing else.
     */
    public ProjectionRebuild(DataSource dataSource, EventStorageEngine events, Collection<?> projections, BeanFactory beans,
            Clock clock) {
        this.dataSource = dataSource;
        this.events = events;
        this.clock = clock;
        projections.stream().map(projection -> ReplayedProjection.of(projection, beans))
                .forEach(projection -> this.projections.put(projection.name(), projection));
    }

    public List<String> names() {
        return List.copyOf(projections.keySet());
    }

    public List<String> tablesOf(String name) {
        return projections.get(name).tables();
    }

    public RebuildStatus status() {
        return status.get();
    }

    /** Starts rebuilding the named projections (all when none is named) in the background. */
    public RebuildStatus start(Collection<String> names) {
        List<ReplayedProjection> chosen = chosen(names);
        claim(chosen);
        executor.execute(() -> run(chosen));
        return status.get();
    }

    /** Rebuilds the named projections (all when none is named) and returns when they are in place. */
    public RebuildStatus rebuild(Collection<String> names) {
        List<ReplayedProjection> chosen = chosen(names);
        claim(chosen);
        run(chosen);
        return status.get();
    }

    private List<ReplayedProjection> chosen(Collection<String> names) {
        if (names.isEmpty()) {
            return List.copyOf(projections.values());
        }
        List<ReplayedProjection> chosen = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            ReplayedProjection projection = projections.get(name);
            if (projection == null) {
                throw ApiProblem.notFound("PROJECTION_NOT_FOUND", name);
            }
            chosen.add(projection);
        }
        return chosen;
    }

    private void claim(List<ReplayedProjection> chosen) {
        if (!running.compareAndSet(false, true)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "PROJECTION_REBUILD_RUNNING");
        }
        status.set(new RebuildStatus("RUNNING", chosen.stream().map(ReplayedProjection::name).toList(), clock.instant(),
                null, 0, 0, null));
    }

    private void run(List<ReplayedProjection> chosen) {
        try {
            replayAndSwap(chosen);
            RebuildStatus done = status.get();
            status.set(new RebuildStatus("DONE", done.projections(), done.startedAt(), clock.instant(), done.eventsReplayed(),
                    done.position(), null));
            log.info("Rebuilt projections {}: {} events up to position {}", done.projections(), done.eventsReplayed(),
                    done.position());
        } catch (RuntimeException | SQLException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Rebuilding projections failed", e);
            RebuildStatus failed = status.get();
            status.set(new RebuildStatus("FAILED", failed.projections(), failed.startedAt(), clock.instant(),
                    failed.eventsReplayed(), failed.position(), String.valueOf(e.getMessage())));
        } finally {
            running.set(false);
        }
    }

    private void replayAndSwap(List<ReplayedProjection> chosen) throws SQLException, InterruptedException {
        Connection connection = dataSource.getConnection();
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        List<Connection> laneConnections = new ArrayList<>();
        boolean locked = false;
        try {
            locked = jdbc.sql("select pg_try_advisory_lock(?)").param(ADVISORY_LOCK).query(Boolean.class).single();
            if (!locked) {
                throw new ApiProblem(HttpStatus.CONFLICT, "PROJECTION_REBUILD_RUNNING");
            }
            String live = jdbc.sql("select current_schema()").query(String.class).single();
            List<String> tables = chosen.stream().flatMap(projection -> projection.tables().stream()).toList();
            TableSwap swap = new TableSwap(jdbc, live, REBUILD_SCHEMA);
            jdbc.sql("drop schema if exists " + REBUILD_SCHEMA + " cascade").update();
            jdbc.sql("create schema " + REBUILD_SCHEMA).update();
            tables.forEach(swap::createShadow);
            writeToRebuildSchema(connection, live);
            for (int lane = 0; lane < Math.min(LANES, chosen.size()); lane++) {
                Connection laneConnection = dataSource.getConnection();
                laneConnections.add(laneConnection);
                writeToRebuildSchema(laneConnection, live);
            }

            TrackingToken token;
            long started = System.nanoTime();
            long loaded;
            long finished;
            try (ReplayLanes lanes = new ReplayLanes(laneConnections, chosen)) {
                token = catchUp(lanes, null);
                loaded = System.nanoTime();
                finishLoading(lanes, swap, largestFirst(jdbc, tables));
                finished = System.nanoTime();
                // what arrived while the indexes were built, so that the lock below is held briefly
                token = catchUp(lanes, token);
            }
            log.info("Rebuild phases: replay {} ms, finishing the tables {} ms", (loaded - started) / 1_000_000,
                    (finished - loaded) / 1_000_000);

            // the last events and the swap in one transaction, on the connection that holds the locks
            try (ReplayLanes last = new ReplayLanes(List.of(connection), chosen)) {
                for (int attempt = 1; ; attempt++) {
                    RebuildStatus beforeAttempt = status.get();
                    try {
                        jdbc.sql("set local lock_timeout = '" + LOCK_TIMEOUT + "'").update();
                        jdbc.sql("lock table " + String.join(", ", tables.stream().map(table -> "\"" + live + "\"." + table).toList())
                                + " in access exclusive mode").update();
                        replay(last, token, false);
                        tables.forEach(swap::swap);
                        connection.commit();
                        break;
                    } catch (RuntimeException e) {
                        last.rollback();
                        status.set(beforeAttempt);
                        if (attempt == SWAP_ATTEMPTS) {
                            throw e;
                        }
                        log.debug("Swapping the rebuilt tables waits for the live processors (attempt {})", attempt, e);
                    }
                }
            }
        } finally {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                jdbc.sql("drop schema if exists " + REBUILD_SCHEMA + " cascade").update();
                if (locked) {
                    jdbc.sql("select pg_advisory_unlock(?)").param(ADVISORY_LOCK).query(Boolean.class).single();
                }
            } finally {
                release(connection);
                for (Connection laneConnection : laneConnections) {
                    release(laneConnection);
                }
            }
        }
    }

    /**
     * Unqualified names lead to the rebuilt tables (the functions are still found in the live
     * schema), commits do not wait for the disk (a crash loses nothing that matters: the rebuild
     * starts again from scratch), rows are found through their keys, and statements run in
     * transactions the rebuild commits.
     */
    private static void writeToRebuildSchema(Connection connection, String live) throws SQLException {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        jdbc.sql("select set_config('search_path', :path, false)").param("path", REBUILD_SCHEMA + ", \"" + live + "\"")
                .query(String.class).single();
        jdbc.sql("set synchronous_commit to off").update();
        // every replayed statement addresses its rows by key, for many rows at once: joined by
        // hash, each would read its whole table, a cost that grows with the table as it loads
        jdbc.sql("set enable_hashjoin to off").update();
        jdbc.sql("set enable_mergejoin to off").update();
        // a row set addresses distinct rows (a layer's events share none), so a cache of its
        // lookups, which the planner puts before every one, never hits
        jdbc.sql("set enable_memoize to off").update();
        // and so, while the tables fill, without statistics that would keep up with them
        jdbc.sql("set enable_seqscan to off").update();
        // the lanes are the parallelism: an index build's own workers would only compete with them
        jdbc.sql("set max_parallel_maintenance_workers to 0").update();
        connection.setAutoCommit(false);
    }

    /** Replays, a page per transaction, until a pass finds only a few events left; answers the last one's token. */
    private TrackingToken catchUp(ReplayLanes lanes, TrackingToken from) throws SQLException {
        TrackingToken token = from;
        Replayed replayed;
        do {
            replayed = replay(lanes, token, true);
            token = replayed.token();
        } while (replayed.count() > FEW);
        return token;
    }

    /**
     * Applies every stored event after {@code from} to the rebuilt tables through {@code lanes},
     * committing every page when {@code commitPages}, or leaving all in the open transaction
     * (for the swap).
     */
    private Replayed replay(ReplayLanes lanes, TrackingToken from, boolean commitPages) throws SQLException {
        long count = 0;
        TrackingToken last = from;
        try (EventPages pages = new EventPages(events, from, PAGE)) {
            for (List<TrackedEventMessage<?>> page = pages.next(); !page.isEmpty(); page = pages.next()) {
                lanes.apply(page);
                last = page.get(page.size() - 1).trackingToken();
                count += page.size();
                if (commitPages) {
                    lanes.commit();
                }
                progress(page.size(), last);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying events", e);
        }
        return new Replayed(count, last);
    }

    /**
     * Finishes the loaded tables side by side, in steps each committed before the next, since a
     * step holds locks that the next would wait for on another lane: every table logged, then
     * every index it was created without built, then every table analysed.
     */
    private static void finishLoading(ReplayLanes lanes, TableSwap swap, List<String> tables)
            throws SQLException, InterruptedException {
        // a server process reports the rows it wrote at most once a second: those still pending
        // would reach the statistics after the analysis below, and autovacuum would analyse every
        // table again
        lanes.onEveryLane(lane -> lane.jdbc().sql("select pg_stat_force_next_flush()").query(rs -> {
        }));
        lanes.onLanes(tables, (lane, table) -> swap.setLogged(table, lane.jdbc()));
        lanes.commit();
        lanes.onLanes(swap.deferredIndexes(tables), (lane, definition) -> lane.jdbc().sql(definition).update());
        lanes.commit();
        lanes.onLanes(tables, (lane, table) -> swap.analyze(table, lane.jdbc()));
        lanes.commit();
    }

    /** The tables, the largest first, so that finishing them side by side ends at about the same time. */
    private static List<String> largestFirst(JdbcClient jdbc, List<String> tables) {
        Map<String, Long> sizes = new HashMap<>();
        jdbc.sql("""
                        select c.relname, pg_total_relation_size(c.oid)
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = :schema and c.relkind = 'r'""")
                .param("schema", REBUILD_SCHEMA)
                .query(rs -> {
                    sizes.put(rs.getString(1), rs.getLong(2));
                });
        return tables.stream().sorted(Comparator.comparingLong((String table) -> sizes.getOrDefault(table, 0L)).reversed()).toList();
    }

    private void progress(long events, TrackingToken last) {
        RebuildStatus now = status.get();
        status.set(new RebuildStatus(now.state(), now.projections(), now.startedAt(), null, now.eventsReplayed() + events,
                last == null ? now.position() : last.position().orElse(now.position()), null));
    }

    /** The connection's session was changed (search path, commit mode): it must not serve anyone else. */
    private void release(Connection connection) throws SQLException {
        BackgroundConnections.evict(dataSource, connection);
    }

    private record Replayed(long count, TrackingToken token) {
    }

    /** For tests: the names of the projections being rebuilt, or none. */
    Set<String> rebuilding() {
        RebuildStatus now = status.get();
        return "RUNNING".equals(now.state()) ? Set.copyOf(now.projections()) : Set.of();
    }
}
