package vn.motsach.query.replay;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.motsach.events.SchoolEvent;

/**
 * The connections a rebuild writes through, side by side. A rebuild is bound by the database,
 * and one connection is served by one server process, so by one core at most: with several
 * lanes, the projections of a page are applied in parallel, each projection's events split by
 * school, each share by whichever lane is free, the share with the most events first. Every
 * lane has its own instances of the
 * projections' handlers, writing through its {@link QueuedWrites}. A page is committed on every
 * lane before the next is applied, so a projection's pages keep their order even when they go
 * through different lanes; projections share no table, and schools no row, so lanes never wait for
 * each other's rows.
 */
final class ReplayLanes implements AutoCloseable {

    private final List<Lane> lanes = new ArrayList<>();
    private final ExecutorService executor;

    /** {@code connections} are ready for writing: search path to the rebuild schema, no autocommit. */
    ReplayLanes(List<Connection> connections, List<ReplayedProjection> projections) {
        connections.forEach(connection -> lanes.add(new Lane(connection, projections)));
        executor = lanes.size() == 1 ? null : Executors.newFixedThreadPool(lanes.size(), task -> {
            Thread thread = new Thread(task, "projection-rebuild-lane");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Applies the page to every projection, leaving the writes in each lane's open transaction. */
    void apply(List<TrackedEventMessage<?>> page) throws InterruptedException {
        // every event's payload is looked at once, for its type and its school's lane: the
        // projections' shares then come from these arrays rather than from the events again
        Class<?>[] types = new Class<?>[page.size()];
        int[] schoolLanes = new int[page.size()];
        for (int i = 0; i < page.size(); i++) {
            Object payload = page.get(i).getPayload();
            types[i] = payload.getClass();
            schoolLanes[i] = payload instanceof SchoolEvent event ? Math.floorMod(event.schoolId().hashCode(), lanes.size()) : -1;
        }
        List<Share> shares = new ArrayList<>();
        lanes.get(0).replayers.forEach((name, replayer) -> shares.addAll(sharesOf(name, replayer, page, types, schoolLanes)));
        shares.sort(Comparator.comparingInt((Share share) -> share.events().size()).reversed());
        onLanes(shares, Lane::apply);
    }

    /**
     * Runs {@code work} on every item, in order, each on whichever lane is free, in the lanes' open
     * transactions: for work other than events, such as finishing the loaded tables.
     */
    <T> void onLanes(List<T> items, LaneWork<T> work) throws InterruptedException {
        if (executor == null) {
            for (T item : items) {
                work.run(lanes.get(0), item);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (Lane lane : lanes) {
            running.add(executor.submit(() -> {
                for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                    work.run(lane, items.get(i));
                }
            }));
        }
        RuntimeException failure = null;
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * A projection's events of a page in as many shares as there are lanes, by school, so that a
     * projection with most of the page's events keeps every lane busy: schools share no row, so
     * their shares may go through different lanes at once. When some of its events are of no
     * school, they all keep one share.
     */
    private List<Share> sharesOf(String projection, Replayer replayer, List<TrackedEventMessage<?>> page, Class<?>[] types,
            int[] schoolLanes) {
        List<TrackedEventMessage<?>> handled = new ArrayList<>();
        List<List<TrackedEventMessage<?>>> bySchool = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            bySchool.add(new ArrayList<>());
        }
        boolean allOfSchools = true;
        for (int i = 0; i < page.size(); i++) {
            if (replayer.handles(types[i], page.get(i))) {
                handled.add(page.get(i));
                if (schoolLanes[i] < 0) {
                    allOfSchools = false;
                } else {
                    bySchool.get(schoolLanes[i]).add(page.get(i));
                }
            }
        }
        if (handled.isEmpty()) {
            return List.of();
        }
        if (lanes.size() == 1 || !allOfSchools) {
            return List.of(new Share(projection, handled));
        }
        return bySchool.stream().filter(share -> !share.isEmpty()).map(share -> new Share(projection, share)).toList();
    }

    /** Runs {@code work} on every lane, one after the other, in the lanes' open transactions. */
    void onEveryLane(Consumer<Lane> work) {
        lanes.forEach(work);
    }

    void commit() throws SQLException {
        for (Lane lane : lanes) {
            lane.connection.commit();
        }
    }

    /** Forgets queued writes and rolls every lane back. */
    void rollback() throws SQLException {
        for (Lane lane : lanes) {
            lane.writes.discard();
            lane.connection.rollback();
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Work on one item through one lane. */
    @FunctionalInterface
    interface LaneWork<T> {
        void run(Lane lane, T item);
    }

    /** One connection, and the handlers of every projection writing through it. */
    static final class Lane {

        private final Connection connection;
        private final QueuedWrites writes;
        private final Map<String, Replayer> replayers = new LinkedHashMap<>();

        /** Statements on this lane's connection, in its open transaction. */
        JdbcClient jdbc() {
            return JdbcClient.create(new SingleConnectionDataSource(connection, true));
        }

        Lane(Connection connection, List<ReplayedProjection> projections) {
            this.connection = connection;
            this.writes = new QueuedWrites(new SingleConnectionDataSource(connection, true));
            projections.forEach(projection -> replayers.put(projection.name(),
                    new Replayer(new AnnotationEventHandlerAdapter(projection.writingTo(writes)))));
        }

        void apply(Share share) {
            Replayer replayer = replayers.get(share.projection());
            for (TrackedEventMessage<?> event : share.events()) {
                writes.beginCall();
                try {
                    replayer.handler().handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("Replaying event " + event.getIdentifier() + " failed", e);
                }
                writes.endCall();
            }
            writes.flush();
        }
    }

    /** A projection's handlers on one lane. */
    private record Replayer(AnnotationEventHandlerAdapter handler, Map<Class<?>, Boolean> handledTypes) {

        Replayer(AnnotationEventHandlerAdapter handler) {
            this(handler, new HashMap<>());
        }

        /**
         * Whether the projection handles the event. The projections' handlers take the payload
         * and what every stored event carries (its token, its timestamp), so the answer depends
         * on the payload's type alone, and asking the adapter once per type spares a search of
         * every handler for every event of the store.
         */
        boolean handles(Class<?> payloadType, TrackedEventMessage<?> event) {
            return handledTypes.computeIfAbsent(payloadType, type -> handler.canHandle(event));
        }
    }

    /** The events of a page one projection handles. */
    private record Share(String projection, List<TrackedEventMessage<?>> events) {
    }
}
