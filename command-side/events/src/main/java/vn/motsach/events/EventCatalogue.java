package vn.motsach.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motsach.events.catalogue.CatalogueEvent;
import vn.motsach.events.circulation.CirculationEvent;
import vn.motsach.events.evaluation.EvaluationEvent;
import vn.motsach.events.desk.DeskEvent;
import vn.motsach.events.holds.HoldEvent;
import vn.motsach.events.interop.CopyLocationEvent;
import vn.motsach.events.interop.InterlibraryLoanEvent;
import vn.motsach.events.interop.RotationEvent;
import vn.motsach.events.patron.PatronEvent;
import vn.motsach.events.reading.ReadingCultureEvent;
import vn.motsach.events.school.SchoolLifecycleEvent;
import vn.motsach.events.stocktake.StocktakeEvent;
import vn.motsach.events.schoolclass.SchoolClassEvent;

/**
 * Every published event type under its stable name (the record's simple name). The names are
 * the {@code type} of the Kafka envelope; they are derived from the sealed families so that a
 * new event cannot be forgotten here.
 */
public final class EventCatalogue {

    private static final List<Class<?>> FAMILIES = List.of(
            SchoolLifecycleEvent.class,
            SchoolClassEvent.class,
            PatronEvent.class,
            CatalogueEvent.class,
            CirculationEvent.class,
            HoldEvent.class,
            ReadingCultureEvent.class,
            StocktakeEvent.class,
            EvaluationEvent.class,
            InterlibraryLoanEvent.class,
            CopyLocationEvent.class,
            RotationEvent.class,
            DeskEvent.class);

    private static final Map<String, Class<? extends SchoolEvent>> BY_NAME = index();

    private EventCatalogue() {
    }

    public static Optional<Class<? extends SchoolEvent>> typeNamed(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static String nameOf(Class<?> type) {
        return type.getSimpleName();
    }

    public static String revisionOf(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    public static Map<String, Class<? extends SchoolEvent>> all() {
        return BY_NAME;
    }

    private static Map<String, Class<? extends SchoolEvent>> index() {
        Map<String, Class<? extends SchoolEvent>> byName = new LinkedHashMap<>();
        for (Class<?> family : FAMILIES) {
            for (Class<? extends SchoolEvent> type : leaves(family)) {
                Class<?> previous = byName.put(nameOf(type), type);
                if (previous != null) {
                    throw new IllegalStateException("Two events named " + nameOf(type));
                }
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends SchoolEvent>> leaves(Class<?> type) {
        List<Class<? extends SchoolEvent>> leaves = new ArrayList<>();
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                leaves.addAll(leaves(permitted));
            }
        } else if (SchoolEvent.class.isAssignableFrom(type)) {
            leaves.add((Class<? extends SchoolEvent>) type);
        }
        return leaves;
    }
}
