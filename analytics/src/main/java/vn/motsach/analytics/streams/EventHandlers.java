package vn.motsach.analytics.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.SchoolEvent;

/**
 * A processor's handler for each event type it reads, looked up by the event's type. The
 * events are final records of sealed families, so the exact type finds the one handler; an
 * event no handler names is ignored. (A {@code switch} over the sealed types needs pattern
 * matching for {@code switch}, which the project's Java 17 does not have.)
 */
public final class EventHandlers {

    private final Map<Class<?>, BiConsumer<Object, PublishedEvent>> byType = new HashMap<>();

    /** Handles {@code type} with {@code handler}, given the payload and its envelope (time, school). */
    public <E extends SchoolEvent> EventHandlers on(Class<E> type, BiConsumer<E, PublishedEvent> handler) {
        if (byType.putIfAbsent(type, (payload, event) -> handler.accept(type.cast(payload), event)) != null) {
            throw new IllegalStateException("Two handlers of " + type.getSimpleName());
        }
        return this;
    }

    public void handle(PublishedEvent event) {
        BiConsumer<Object, PublishedEvent> handler = byType.get(event.payload().getClass());
        if (handler != null) {
            handler.accept(event.payload(), event);
        }
    }
}
