package vn.motsach.query.replay;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The events after a token, in pages, read on a thread of their own so that reading and
 * deserialising the next page overlaps with applying this one. Each payload is deserialised
 * there once, for every projection. The storage engine's own read keeps its handling of gaps
 * (transactions that commit out of order), so that no event is missed near the head.
 */
final class EventPages implements AutoCloseable {

    /**
     * Pages read ahead. Reading outpaces applying, so one page waiting while the next is read
     * keeps the applying side busy; every page held longer is copied by each young collection.
     */
    private static final int AHEAD = 1;

    private final BlockingQueue<Object> pages = new ArrayBlockingQueue<>(AHEAD);
    private final Thread reader;
    private boolean ended;

    EventPages(EventStorageEngine events, TrackingToken from, int pageSize) {
        reader = new Thread(() -> read(events, from, pageSize), "projection-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next page, or an empty one when every event has been read. */
    List<TrackedEventMessage<?>> next() throws InterruptedException {
        if (ended) {
            return List.of();
        }
        Object next = pages.take();
        if (next instanceof Failure failure) {
            ended = true;
            throw new IllegalStateException("Reading the event store failed", failure.cause());
        }
        @SuppressWarnings("unchecked")
        List<TrackedEventMessage<?>> page = (List<TrackedEventMessage<?>>) next;
        ended = page.isEmpty();
        return page;
    }

    private void read(EventStorageEngine events, TrackingToken from, int pageSize) {
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            List<TrackedEventMessage<?>> page = new ArrayList<>(pageSize);
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                event.getPayload();
                page.add(event);
                if (page.size() == pageSize) {
                    pages.put(page);
                    page = new ArrayList<>(pageSize);
                }
            }
            if (!page.isEmpty()) {
                pages.put(page);
            }
            pages.put(List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            pages.clear();
            pages.offer(new Failure(e));
        }
    }

    /** Stops the reader when the pages are not all taken (a failure while applying them). */
    @Override
    public void close() {
        reader.interrupt();
    }

    private record Failure(Throwable cause) {
    }
}
