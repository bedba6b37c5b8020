package vn.motsach.query;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.GenericMessage;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Projections of the query side made by Spring from their own classes, as the application makes
 * them, writing through a given {@link JdbcClient}, and fed events through Axon's handler
 * adapters, as their processors feed them: for tests of projections that read one another's
 * tables, and for the replay benchmark.
 */
public final class ProjectionsUnderTest {

    private final List<Object> projections;
    private final List<AnnotationEventHandlerAdapter> handlers;

    private ProjectionsUnderTest(List<Object> projections) {
        this.projections = projections;
        this.handlers = projections.stream().map(AnnotationEventHandlerAdapter::new).toList();
    }

    /** Every projection of the query side, or those named. */
    public static ProjectionsUnderTest of(JdbcClient jdbc, String... names) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(JdbcClient.class, () -> jdbc);
            ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
            scanner.scan("vn.motsach.query");
            context.refresh();
            Set<String> chosen = Set.of(names);
            return new ProjectionsUnderTest(context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                    .filter(projection -> Projections.nameOf(projection.getClass())
                            .filter(name -> chosen.isEmpty() || chosen.contains(name)).isPresent())
                    .toList());
        }
    }

    public List<Object> projections() {
        return projections;
    }

    /** Empties every projection's tables, as a reset of its processor does. */
    public void reset() {
        handlers.forEach(AnnotationEventHandlerAdapter::prepareReset);
    }

    /** Applies the event, stored at {@code token} at {@code at}, to every projection that handles it. */
    public void apply(Object event, Instant at, TrackingToken token) {
        TrackedEventMessage<?> message = new GenericTrackedEventMessage<>(token, new GenericMessage<>(event), () -> at);
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (handler.canHandle(message)) {
                try {
                    handler.handle(message);
                } catch (Exception e) {
                    throw new IllegalStateException("Applying " + event + " failed", e);
                }
            }
        }
    }
}
