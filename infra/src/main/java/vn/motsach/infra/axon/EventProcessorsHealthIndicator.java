package vn.motsach.infra.axon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The event processors of this instance: up while every one runs without error. Details give
 * each processor's segments and the lowest position they have reached.
 */
final class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        boolean allUp = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (var entry : processing.eventProcessors().entrySet()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            boolean running = entry.getValue().isRunning();
            boolean error = entry.getValue().isError();
            detail.put("running", running);
            detail.put("error", error);
            if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
                detail.put("claimedSegments", status.keySet());
                detail.put("position", status.values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent)
                        .mapToLong(OptionalLong::getAsLong)
                        .min().orElse(0));
                detail.put("segmentsInError", status.values().stream().filter(EventTrackerStatus::isErrorState).count());
            }
            allUp &= running && !error;
            details.put(entry.getKey(), detail);
        }
        return (allUp ? Health.up() : Health.down()).withDetails(details).build();
    }
}
