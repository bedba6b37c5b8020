package vn.motsach.command.publishing;

import java.util.Collection;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Sends the whole event store to Kafka's events topic again, for a broker restored empty (or
 * lost): the publisher's tracking token goes back to the tail, so the one publisher that already
 * relays every event also does the republishing, in order, per school, with its acknowledgements.
 * Events the topic still has are sent again; consumers drop them by event id, so asking twice,
 * or while a republishing runs, only starts it over.
 */
@Component
class EventTopicRepublishing {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    EventTopicRepublishing(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    synchronized EventTopicView republish() {
        StreamingEventProcessor publisher = publisher();
        publisher.shutDown();
        publisher.resetTokens();
        publisher.start();
        return view();
    }

    /**
     * Where the publisher stands, as this instance sees it: the segments it has claimed. Right
     * after a republish is asked, the segments are claimed again within a second.
     */
    EventTopicView view() {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? 0 : headToken.position().orElse(0);
        Collection<EventTrackerStatus> segments = publisher().processingStatus().values();
        boolean republishing = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        long published = segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min()
                .orElse(0);
        return new EventTopicView(head, published, Math.max(0, head - published), republishing, segments.size());
    }

    private StreamingEventProcessor publisher() {
        return processing.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No Kafka publisher runs on this instance"));
    }
}
