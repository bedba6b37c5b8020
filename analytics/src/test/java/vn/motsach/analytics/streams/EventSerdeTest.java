package vn.motsach.analytics.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.infra.kafka.EventEnvelopeCodec;

/** Field order and unknown fields are the codec's: {@code EventEnvelopeCodecTest}. */
class EventSerdeTest {

    final Serde<PublishedEvent> serde = EventSerde.of(new EventEnvelopeCodec());
    final PublishedEvent event = new PublishedEvent("e-1", "SchoolRegistered", "1", SchoolId.of("th-a"),
            Instant.parse("2026-03-02T02:00:00.123456Z"), 42, "thu-thu",
            new SchoolRegistered(SchoolId.of("th-a"), "TH A", List.of(EducationLevel.PRIMARY), AuthorityId.of("xa-a")));

    @Test
    void readsBackWhatItWrites() {
        byte[] bytes = serde.serializer().serialize("motsach.school-events", event);

        assertThat(serde.deserializer().deserialize("motsach.school-events", bytes)).isEqualTo(event);
    }

    @Test
    void aTombstoneStaysEmpty() {
        assertThat(serde.serializer().serialize("motsach.school-events", null)).isNull();
        assertThat(serde.deserializer().deserialize("motsach.school-events", null)).isNull();
    }
}
