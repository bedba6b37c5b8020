package vn.motsach.infra.kafka;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.motsach.events.EventCatalogue;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;

/**
 * JSON of the Kafka envelope: {@code {eventId, type, revision, schoolId, occurredAt, position,
 * actor, payload}}. The payload's class is found from {@code type}, so the contract needs no
 * polymorphic-typing annotations.
 */
public final class EventEnvelopeCodec {

    private final JsonMapper json;

    public EventEnvelopeCodec() {
        this(JsonMapper.builder().build());
    }

    public EventEnvelopeCodec(JsonMapper json) {
        this.json = json;
    }

    public byte[] encode(PublishedEvent event) {
        return json.writeValueAsBytes(event);
    }

    public PublishedEvent decode(byte[] bytes) {
        JsonNode node = json.readTree(bytes);
        String type = node.path("type").asString();
        Class<? extends SchoolEvent> payloadType = EventCatalogue.typeNamed(type)
                .orElseThrow(() -> new UnknownEventTypeException(type));
        ObjectNode envelope = (ObjectNode) node;
        return new PublishedEvent(
                envelope.path("eventId").asString(),
                type,
                envelope.path("revision").isNull() ? null : envelope.path("revision").asString(null),
                SchoolId.of(envelope.path("schoolId").asString()),
                Instant.parse(envelope.path("occurredAt").asString()),
                envelope.path("position").asLong(),
                envelope.path("actor").asString(null),
                json.treeToValue(envelope.path("payload"), payloadType));
    }

    /** A newer producer's event this consumer does not know yet. */
    public static final class UnknownEventTypeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnknownEventTypeException(String type) {
            super("Unknown event type " + type);
        }
    }
}
