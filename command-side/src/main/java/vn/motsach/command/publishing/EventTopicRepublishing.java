package vn.motsach.command.publishing;

import java.util.Collection;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.motsach.infra.web.ApiProblem;

/**
 * Sends the whole event store to Kafka's events topic again, for a broker restored empty (or
 * lost): the publisher's tracking token goes back to before the first event, so the one
 * publisher that already relays every event also does the republishing, in order, per school,
 * with its acknowledgements. Events the topic still has are sent again; consumers drop them by
 * event id, so asking twice, or while a republishing runs, only starts it over.
 *
 * <p>The token is stored as "no position" rather than reset through Axon's replay: a replay token
 * carries a reset context of any type, which our token serializer rightly refuses to read back,
 * and the publisher has no replay behaviour to tell apart anyway.
 */
@Component
class EventTopicRepublishing {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    /** The head when the last republish was asked here: it runs until the publisher gets there. */
    private final AtomicLong republishedUpTo = new AtomicLong();

    EventTopicRepublishing(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
            TransactionManager transactions) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
    }

    synchronized EventTopicView republish() {
        StreamingEventProcessor publisher = publisher();
        long head = head();
        publisher.shutDown();
        try {
            transactions.executeInTransaction(() -> {
                for (int segment : tokenStore.fetchSegments(publisher.getName())) {
                    // claims the segment: refused while another instance's publisher holds it
                    tokenStore.fetchToken(publisher.getName(), segment);
                    tokenStore.storeToken(null, publisher.getName(), segment);
                    tokenStore.releaseClaim(publisher.getName(), segment);
                }
            });
            republishedUpTo.set(head);
        } catch (UnableToClaimTokenException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "EVENT_PUBLISHER_ELSEWHERE");
        } finally {
            publisher.start();
        }
        return view();
    }

    /**
     * Where the publisher stands, as this instance sees it: the segments it has claimed (within
     * a second of a start or a republish).
     */
    EventTopicView view() {
        long head = head();
        Collection<EventTrackerStatus> segments = publisher().processingStatus().values();
        long published = segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min()
                .orElse(0);
        boolean republishing = segments.isEmpty() ? republishedUpTo.get() > 0 : published < republishedUpTo.get();
        return new EventTopicView(head, published, Math.max(0, head - published), republishing, segments.size());
    }

    private long head() {
        TrackingToken token = eventStore.createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }

    private StreamingEventProcessor publisher() {
        return processing.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No Kafka publisher runs on this instance"));
    }
}
