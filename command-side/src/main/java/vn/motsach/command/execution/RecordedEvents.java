package vn.motsach.command.execution;

import java.util.ArrayList;
import java.util.List;

/**
 * The ids of the events a command published on this thread. Commands run on the caller's thread
 * (Axon's simple command bus), so a thread-local is enough to find the events' positions.
 */
final class RecordedEvents implements AutoCloseable {

    private static final ThreadLocal<RecordedEvents> CURRENT = new ThreadLocal<>();

    private final List<String> eventIds = new ArrayList<>();

    private RecordedEvents() {
    }

    static RecordedEvents start() {
        RecordedEvents recording = new RecordedEvents();
        CURRENT.set(recording);
        return recording;
    }

    static void record(String eventId) {
        RecordedEvents recording = CURRENT.get();
        if (recording != null) {
            recording.eventIds.add(eventId);
        }
    }

    List<String> eventIds() {
        return List.copyOf(eventIds);
    }

    @Override
    public void close() {
        CURRENT.remove();
    }
}
