package vn.motsach.query.replay;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.TrackedEventMessage;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;

/**
 * Splits a projection's events of a page into layers whose events share no row of the
 * projection, so that the writes of a whole layer may be sent together in any order
 * ({@link QueuedWrites}). An event goes to the first layer after every earlier event it shares a
 * row key with; an event with no row key stands alone, after all before it.
 * <p>
 * The row keys are the ids of the types the projection names ({@link RebuildableProjection#rowKeys()}),
 * found among the event's record components, within the event's school.
 */
final class EventLayers {

    private final Set<Class<?>> keyTypes;
    private final Map<Class<?>, List<RecordComponent>> keyComponents = new HashMap<>();

    EventLayers(Set<Class<?>> keyTypes) {
        this.keyTypes = Set.copyOf(keyTypes);
    }

    List<List<TrackedEventMessage<?>>> of(List<? extends TrackedEventMessage<?>> page) {
        List<List<TrackedEventMessage<?>>> layers = new ArrayList<>();
        Map<RowKey, Integer> lastLayerOf = new HashMap<>();
        int floor = 0;
        for (TrackedEventMessage<?> event : page) {
            List<RowKey> keys = keysOf(event.getPayload());
            int layer = floor;
            if (keys.isEmpty()) {
                layer = Math.max(floor, layers.size());
                floor = layer + 1;
            } else {
                for (RowKey key : keys) {
                    Integer last = lastLayerOf.get(key);
                    if (last != null) {
                        layer = Math.max(layer, last + 1);
                    }
                }
                for (RowKey key : keys) {
                    lastLayerOf.put(key, layer);
                }
            }
            while (layers.size() <= layer) {
                layers.add(new ArrayList<>());
            }
            layers.get(layer).add(event);
        }
        return layers;
    }

    /** The event's row keys, each qualified by its school; none when it has none or is no school's event. */
    private List<RowKey> keysOf(Object payload) {
        if (!(payload instanceof SchoolEvent event)) {
            return List.of();
        }
        List<RowKey> keys = new ArrayList<>(4);
        for (RecordComponent component : keyComponents.computeIfAbsent(payload.getClass(), this::componentsOf)) {
            Object id = value(component, payload);
            if (id != null) {
                keys.add(new RowKey(event.schoolId(), id));
            }
        }
        return keys;
    }

    private List<RecordComponent> componentsOf(Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        List<RecordComponent> keys = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (keyTypes.contains(component.getType())) {
                keys.add(component);
            }
        }
        return List.copyOf(keys);
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component + " of " + record.getClass(), e);
        }
    }

    /** A row key of the projection, within its school. */
    private record RowKey(SchoolId school, Object id) {
    }
}
