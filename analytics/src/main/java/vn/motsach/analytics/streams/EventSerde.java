package vn.motsach.analytics.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import vn.motsach.events.PublishedEvent;
import vn.motsach.infra.kafka.EventEnvelopeCodec;

/** The Kafka envelope of published events as a Streams serde: the codec, both ways. */
public final class EventSerde {

    private EventSerde() {
    }

    public static Serde<PublishedEvent> of(EventEnvelopeCodec codec) {
        Serializer<PublishedEvent> serializer = (topic, event) -> event == null ? null : codec.encode(event);
        Deserializer<PublishedEvent> deserializer = (topic, bytes) -> bytes == null ? null : codec.decode(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
