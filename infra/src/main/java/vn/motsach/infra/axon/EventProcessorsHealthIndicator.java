package vn.motsach.infra.axon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The event processors of this instance (the projections, the Kafka relay, the command side's
 * lookup tables): down, with the reason, when one is stopped, in error, has a segment in error, or
 * has made no progress for a while although events wait after it. The last is what a processor
 * retrying a batch for ever looks like: Axon releases the failing segment, backs off and claims it
 * again, and between attempts reports no error at all. Details give each processor's segments and
 * the lowest position they have reached.
 */
final class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final LongSupplier head;
    private final ProgressWatch progress;
    private final TransactionManager transactions;

    /**
     * @param head the position of the newest stored event
     * @param progress judges the progress of this instance's segments
     */
    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, LongSupplier head, ProgressWatch progress,
            TransactionManager transactions) {
        this.processing = processing;
        this.head = head;
        this.progress = progress;
        this.transactions = transactions;
    }

    @Override
    public Health health() {
        long newest = head.getAsLong();
        boolean allUp = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (var entry : processing.eventProcessors().entrySet()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            List<String> reasons = reasons(entry.getKey(), entry.getValue(), newest, detail);
            if (!reasons.isEmpty()) {
                detail.put("reason", String.join("; ", reasons));
                allUp = false;
            }
            details.put(entry.getKey(), detail);
        }
        return (allUp ? Health.up() : Health.down()).withDetails(details).build();
    }

    /** Segments nobody holds: released after a failure, or never claimed. */
    private List<Segment> unclaimed(String name) {
        TokenStore tokens = processing.tokenStore(name);
        return transactions.fetchInTransaction(() -> tokens.fetchAvailableSegments(name));
    }

    private List<String> reasons(String name, EventProcessor processor, long newest, Map<String, Object> detail) {
        List<String> reasons = new ArrayList<>();
        detail.put("running", processor.isRunning());
        detail.put("error", processor.isError());
        if (!processor.isRunning()) {
            reasons.add("not running");
        }
        if (processor.isError()) {
            reasons.add("in error, retrying");
        }
        if (processor instanceof StreamingEventProcessor streaming) {
            Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
            detail.put("claimedSegments", status.keySet());
            // a claimed segment without a position has no token yet: it stands before the first event
            OptionalLong position = status.values().stream()
                    .mapToLong(tracker -> tracker.getCurrentPosition().orElse(0))
                    .min();
            detail.put("position", position.orElse(0));
            detail.put("segmentsInError", status.values().stream().filter(EventTrackerStatus::isErrorState).count());
            status.forEach((segment, tracker) -> {
                if (tracker.isErrorState()) {
                    reasons.add("segment " + segment + " failed: " + tracker.getError());
                }
            });
            if (position.isPresent()) {
                progress.observe(name, position.getAsLong(), newest).ifPresent(stall -> reasons.add("stalled: " + stall.reason()));
            } else {
                List<Segment> unclaimed = unclaimed(name);
                detail.put("unclaimedSegments", unclaimed.stream().map(Segment::getSegmentId).toList());
                if (unclaimed.isEmpty()) {
                    progress.forget(name);
                } else {
                    // released after a failure: the segment comes back at the position it failed at
                    progress.observeAgain(name, newest).ifPresent(stall -> reasons.add("stalled: " + stall.reason()));
                }
            }
        }
        return reasons;
    }
}
