package vn.motsach.infra.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The event processors' meters, per processor: {@code motsach.processor.lag}, the events stored
 * after the lowest position this instance's segments have reached (0 when it holds none: another
 * instance works on them and reports their lag), and {@code motsach.processor.segments}, the
 * segments this instance holds. Across instances, the highest lag is the processor's. The
 * processors exist once Axon has started, so the meters are registered then.
 */
public final class EventProcessorMeters implements ApplicationListener<ApplicationStartedEvent> {

    public static final String LAG = "motsach.processor.lag";
    public static final String SEGMENTS = "motsach.processor.segments";

    private final EventProcessingConfiguration processing;
    private final LongSupplier head;
    private final MeterRegistry meters;

    /** @param head the position of the newest stored event */
    EventProcessorMeters(EventProcessingConfiguration processing, LongSupplier head, MeterRegistry meters) {
        this.processing = processing;
        this.head = head;
        this.meters = meters;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        for (Map.Entry<String, EventProcessor> processor : processing.eventProcessors().entrySet()) {
            if (processor.getValue() instanceof StreamingEventProcessor streaming) {
                Gauge.builder(LAG, () -> eventsBehind(streaming)).tag("processor", processor.getKey())
                        .description("Events stored after the lowest position this instance's segments of the processor reached")
                        .baseUnit("events").register(meters);
                Gauge.builder(SEGMENTS, () -> streaming.processingStatus().size()).tag("processor", processor.getKey())
                        .description("Segments of the processor this instance holds").register(meters);
            }
        }
    }

    /** How many events wait after the processor's slowest segment held here; 0 when none is held here. */
    long eventsBehind(StreamingEventProcessor processor) {
        OptionalLong lowest = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        return lowest.isPresent() ? Math.max(0, head.getAsLong() - lowest.getAsLong()) : 0;
    }
}
