package vn.motsach.infra.kafka;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.events.EventCatalogue;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.json.EventReading;
import vn.motsach.infra.json.IsoTimes;

/**
 * JSON of the Kafka envelope: {@code {eventId, type, revision, schoolId, occurredAt, position,
 * actor, payload}}. The payload's class is found from {@code type}, so the contract needs no
 * polymorphic-typing annotations.
 */
public final class EventEnvelopeCodec {

    private final JsonMapper json;
    private final Map<String, ObjectReader> readers = new ConcurrentHashMap<>();

    public EventEnvelopeCodec() {
        this(JsonMapper.builder().build());
    }

    /** Reads with {@code json} and the modules of {@link EventReading} (the same values, read faster). */
    public EventEnvelopeCodec(JsonMapper json) {
        this.json = json.rebuild().addModules(EventReading.modules()).build();
    }

    public byte[] encode(PublishedEvent event) {
        return json.writeValueAsBytes(event);
    }

    /** A record of the published language as a compacted topic carries it: plain JSON, no envelope. */
    public byte[] encodeState(Object state) {
        return json.writeValueAsBytes(state);
    }

    /**
     * Reads the envelope in one pass, the payload straight into its class once the type is
     * known (our producers write the type first). Reading a tree first and converting it would
     * build and walk every event twice.
     */
    public PublishedEvent decode(byte[] bytes) {
        try (JsonParser parser = json.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("An event envelope is a JSON object");
            }
            String eventId = null;
            String type = null;
            String revision = null;
            String schoolId = null;
            Instant occurredAt = null;
            long position = 0;
            String actor = null;
            SchoolEvent payload = null;
            JsonNode payloadBeforeType = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "eventId" -> eventId = parser.getValueAsString();
                    case "type" -> type = parser.getValueAsString();
                    case "revision" -> revision = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                    case "schoolId" -> schoolId = parser.getValueAsString();
                    case "occurredAt" -> occurredAt = IsoTimes.parse(parser.getValueAsString());
                    case "position" -> position = parser.getLongValue();
                    case "actor" -> actor = parser.getValueAsString();
                    case "payload" -> {
                        if (type != null) {
                            payload = readerFor(type).readValue(parser);
                        } else {
                            payloadBeforeType = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                                    .readTree(parser);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (payload == null && payloadBeforeType != null && type != null) {
                payload = readerFor(type).readValue(payloadBeforeType);
            }
            return new PublishedEvent(eventId, type, revision, SchoolId.of(schoolId), occurredAt, position, actor, payload);
        }
    }

    private ObjectReader readerFor(String type) {
        // the payload is read from the middle of the envelope, so what follows it is no error
        return readers.computeIfAbsent(type, name -> json.readerFor(EventCatalogue.typeNamed(name)
                .orElseThrow(() -> new UnknownEventTypeException(name))).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
    }

    /** A newer producer's event this consumer does not know yet. */
    public static final class UnknownEventTypeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnknownEventTypeException(String type) {
            super("Unknown event type " + type);
        }
    }
}
