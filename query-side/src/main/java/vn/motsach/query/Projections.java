package vn.motsach.query;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The projections of the query side: its beans of a processing group, each fed its events by the
 * processor of that name. A projection is its event handlers and its SQL, and declares nothing
 * more; what operates on projections (their dead letters, their rebuild) finds them here.
 */
public final class Projections {

    private Projections() {
    }

    /** Each projection's name, its processing group, with the name of its bean; by name. */
    public static Map<String, String> in(ListableBeanFactory beans) {
        Map<String, String> projections = new TreeMap<>();
        for (String bean : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            Class<?> type = beans.getType(bean);
            if (type != null) {
                nameOf(ClassUtils.getUserClass(type)).ifPresent(name -> projections.put(name, bean));
            }
        }
        return projections;
    }

    /** The projection's name, when {@code type} is a projection of the query side. */
    public static Optional<String> nameOf(Class<?> type) {
        ProcessingGroup group = type.getAnnotation(ProcessingGroup.class);
        if (group == null || !type.getPackageName().startsWith(Projections.class.getPackageName() + ".")) {
            return Optional.empty();
        }
        return Optional.of(group.value());
    }
}
