package vn.motsach.analytics.streams;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.motsach.events.EventCatalogue;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.kafka.EventEnvelopeCodec;

/**
 * The Kafka envelope of published events as a Streams serde. Decoding is the hot path of a
 * replay, so it reads the envelope in one streaming pass (the publisher writes {@code type}
 * before {@code payload}) instead of building a tree first; an envelope in another field
 * order falls back to the codec.
 */
public final class EventSerde {

    /** The payload is read mid-envelope: the envelope's closing brace follows it. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EventSerde() {
    }

    public static Serde<PublishedEvent> of(EventEnvelopeCodec codec) {
        Serializer<PublishedEvent> serializer = (topic, event) -> event == null ? null : codec.encode(event);
        Deserializer<PublishedEvent> deserializer = (topic, bytes) -> bytes == null ? null : decode(bytes, codec);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static PublishedEvent decode(byte[] bytes, EventEnvelopeCodec codec) {
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return codec.decode(bytes);
            }
            String eventId = null;
            String type = null;
            String revision = null;
            String schoolId = null;
            Instant occurredAt = null;
            long position = 0;
            String actor = null;
            SchoolEvent payload = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "eventId" -> eventId = text(parser, value);
                    case "type" -> type = text(parser, value);
                    case "revision" -> revision = text(parser, value);
                    case "schoolId" -> schoolId = text(parser, value);
                    case "occurredAt" -> occurredAt = value == JsonToken.VALUE_NULL ? null : Instant.parse(parser.getString());
                    case "position" -> position = parser.getLongValue();
                    case "actor" -> actor = text(parser, value);
                    case "payload" -> {
                        Optional<Class<? extends SchoolEvent>> payloadType = type == null ? Optional.empty() : EventCatalogue.typeNamed(type);
                        if (payloadType.isEmpty()) {
                            return codec.decode(bytes); // payload before type, or an unknown type: the codec says which
                        }
                        payload = JSON.readValue(parser, payloadType.get());
                    }
                    default -> parser.skipChildren();
                }
            }
            if (payload == null || schoolId == null || occurredAt == null) {
                return codec.decode(bytes);
            }
            return new PublishedEvent(eventId, type, revision, SchoolId.of(schoolId), occurredAt, position, actor, payload);
        }
    }

    private static String text(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_NULL ? null : parser.getString();
    }
}
