package vn.motsach.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.events.school.SchoolRegistered;

class EventEnvelopeCodecTest {

    private final EventEnvelopeCodec codec = new EventEnvelopeCodec();

    private final PublishedEvent event = new PublishedEvent("e-1", "SchoolRegistered", "1", SchoolId.of("thcs-an-vinh"),
            Instant.parse("2026-09-05T01:00:00Z"), 42, "thu-thu-lan",
            new SchoolRegistered(SchoolId.of("thcs-an-vinh"), "THCS An Vĩnh", List.of(EducationLevel.LOWER_SECONDARY),
                    AuthorityId.of("so-gddt-quang-ngai")));

    @Test
    void writesTheEnvelopeAsPlainJson() {
        String json = new String(codec.encode(event), StandardCharsets.UTF_8);

        assertThat(json).contains("\"eventId\":\"e-1\"", "\"type\":\"SchoolRegistered\"", "\"revision\":\"1\"",
                "\"schoolId\":\"thcs-an-vinh\"", "\"occurredAt\":\"2026-09-05T01:00:00Z\"", "\"position\":42",
                "\"name\":\"THCS An Vĩnh\"", "\"authorityId\":\"so-gddt-quang-ngai\"");
    }

    @Test
    void readsBackWhatItWrote() {
        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
    }

    @Test
    void readsFieldsInAnyOrderAndSkipsOnesItDoesNotKnow() {
        String json = """
                {"payload":{"schoolId":"thcs-an-vinh","name":"THCS An Vĩnh","educationLevels":["LOWER_SECONDARY"],
                            "authorityId":"so-gddt-quang-ngai"},
                 "addedLater":{"nested":[1,2]},"position":42,"actor":"thu-thu-lan","occurredAt":"2026-09-05T01:00:00Z",
                 "schoolId":"thcs-an-vinh","revision":"1","type":"SchoolRegistered","eventId":"e-1"}""";

        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
    }

    @Test
    void refusesAnEventTypeItDoesNotKnow() {
        byte[] unknown = "{\"type\":\"Unheard\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(unknown)).isInstanceOf(EventEnvelopeCodec.UnknownEventTypeException.class);
    }
}
