package vn.motsach.analytics.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.infra.kafka.EventEnvelopeCodec;

class EventSerdeTest {

    final EventEnvelopeCodec codec = new EventEnvelopeCodec();
    final PublishedEvent event = new PublishedEvent("e-1", "SchoolRegistered", "1", SchoolId.of("th-a"),
            Instant.parse("2026-03-02T02:00:00.123456Z"), 42, "thu-thu",
            new SchoolRegistered(SchoolId.of("th-a"), "TH A", List.of(EducationLevel.PRIMARY), AuthorityId.of("xa-a")));

    @Test
    void decodesWhatThePublisherEncodesInOnePass() {
        byte[] bytes = codec.encode(event);
        assertThat(EventSerde.decode(bytes, codec)).isEqualTo(event).isEqualTo(codec.decode(bytes));
    }

    @Test
    void anEnvelopeWithThePayloadFirstStillDecodes() {
        String json = "{\"payload\":{\"schoolId\":\"th-a\",\"name\":\"TH A\",\"educationLevels\":[\"PRIMARY\"],\"authorityId\":\"xa-a\"},"
                + "\"eventId\":\"e-1\",\"type\":\"SchoolRegistered\",\"revision\":\"1\",\"schoolId\":\"th-a\","
                + "\"occurredAt\":\"2026-03-02T02:00:00.123456Z\",\"position\":42,\"actor\":\"thu-thu\",\"extra\":{\"a\":[1]}}";
        assertThat(EventSerde.decode(json.getBytes(StandardCharsets.UTF_8), codec)).isEqualTo(event);
    }

    @Test
    void unknownFieldsAreSkipped() {
        String json = new String(codec.encode(event), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"trace\":{\"id\":[1,2]},");
        assertThat(EventSerde.decode(json.getBytes(StandardCharsets.UTF_8), codec)).isEqualTo(event);
    }
}
