package vn.motsach.command.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import vn.motsach.events.CarriesPersonalData;
import vn.motsach.events.EventCatalogue;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.authority.AuthorityEvent;
import vn.motsach.events.authority.AuthorityNode;
import vn.motsach.infra.kafka.KafkaTopics;
import vn.motsach.infra.axon.EventProcessingAutoConfiguration;
import vn.motsach.infra.kafka.EventEnvelopeCodec;

/**
 * Relays every stored event to Kafka, keyed by school, without personal data (names stay in the
 * event store, for the command and query sides: see {@link CarriesPersonalData}); and keeps the
 * compacted topic of the tree of authorities, whose events belong to no school. A batch's token advances only after
 * Kafka has acknowledged all of its events, so a crash or a broker outage delays events but
 * never loses one; a resend after a crash is caught by consumers through the event id.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
final class KafkaEventPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pending";

    private final Producer<String, byte[]> producer;
    private final EventEnvelopeCodec codec;
    private final KafkaTopics topics;

    KafkaEventPublisher(Producer<String, byte[]> producer, EventEnvelopeCodec codec, KafkaTopics topics) {
        this.producer = producer;
        this.codec = codec;
        this.topics = topics;
    }

    @EventHandler
    void on(SchoolEvent event, EventMessage<?> message, TrackingToken token) {
        Object actor = message.getMetaData().get(EventProcessingAutoConfiguration.ACTOR);
        PublishedEvent published = new PublishedEvent(
                message.getIdentifier(),
                EventCatalogue.nameOf(event.getClass()),
                EventCatalogue.revisionOf(event.getClass()),
                event.schoolId(),
                message.getTimestamp(),
                token.position().orElse(-1),
                actor == null ? null : actor.toString(),
                event instanceof CarriesPersonalData personal ? personal.withoutPersonalData() : event);
        pendingSends().add(producer.send(new ProducerRecord<>(topics.eventsTopic(), event.schoolId().value(), codec.encode(published))));
    }

    /** The tree of authorities, for every analytics instance to read whole: each authority's newest state under its id. */
    @EventHandler
    void on(AuthorityEvent event) {
        AuthorityNode node = AuthorityNode.of(event);
        pendingSends().add(producer.send(new ProducerRecord<>(topics.authorityTreeTopic(), node.authorityId().value(),
                codec.encodeState(node))));
    }

    private List<Future<RecordMetadata>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private static void awaitAcknowledgements(List<Future<RecordMetadata>> sends) {
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailable(e);
        }
    }

    /** Rolls the batch back; the processor retries it with back-off until Kafka answers. */
    static final class KafkaUnavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KafkaUnavailable(Throwable cause) {
            super("Kafka did not acknowledge published events", cause);
        }
    }
}
