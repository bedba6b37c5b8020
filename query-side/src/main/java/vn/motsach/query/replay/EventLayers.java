package vn.motsach.query.replay;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.TrackedEventMessage;
import vn.motsach.events.Barcode;
import vn.motsach.events.HoldId;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.TitleId;

/**
 * Splits a page of events into layers whose events share no row of any projection, so that the
 * writes of a whole layer may be sent together in any order ({@link QueuedWrites}). An event goes
 * to the first layer after every earlier event it shares a row key with; an event with no row key
 * (a school or a class opening, an event of another kind) stands alone, after all before it.
 * <p>
 * The row keys are the ids the projections' rows are keyed by, within a school: a copy
 * (barcode), a loan, a hold, a patron, a title. A title's counts are recounted from its copies,
 * and every copy event names its title, so events that read the same rows share a key too. A
 * projection keyed by anything else must add its id here; the rebuild test compares the rows.
 */
final class EventLayers {

    private static final Set<Class<?>> ROW_KEYS = Set.of(Barcode.class, LoanId.class, HoldId.class, PatronId.class,
            TitleId.class);
    private static final ClassValue<List<RecordComponent>> KEY_COMPONENTS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return List.of();
            }
            List<RecordComponent> keys = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (ROW_KEYS.contains(component.getType())) {
                    keys.add(component);
                }
            }
            return List.copyOf(keys);
        }
    };

    private EventLayers() {
    }

    static List<List<TrackedEventMessage<?>>> of(List<? extends TrackedEventMessage<?>> page) {
        List<List<TrackedEventMessage<?>>> layers = new ArrayList<>();
        Map<List<Object>, Integer> lastLayerOf = new HashMap<>();
        int floor = 0;
        for (TrackedEventMessage<?> event : page) {
            List<List<Object>> keys = keysOf(event.getPayload());
            int layer = floor;
            if (keys.isEmpty()) {
                layer = Math.max(floor, layers.size());
                floor = layer + 1;
            } else {
                for (List<Object> key : keys) {
                    Integer last = lastLayerOf.get(key);
                    if (last != null) {
                        layer = Math.max(layer, last + 1);
                    }
                }
                for (List<Object> key : keys) {
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
    private static List<List<Object>> keysOf(Object payload) {
        if (!(payload instanceof SchoolEvent event)) {
            return List.of();
        }
        List<List<Object>> keys = new ArrayList<>(4);
        for (RecordComponent component : KEY_COMPONENTS.get(payload.getClass())) {
            Object id = value(component, payload);
            if (id != null) {
                keys.add(List.of(event.schoolId(), id));
            }
        }
        return keys;
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component + " of " + record.getClass(), e);
        }
    }
}
