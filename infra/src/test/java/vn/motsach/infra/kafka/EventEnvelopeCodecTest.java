package vn.motsach.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.ClassId;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.ReadingPlace;
import vn.motsach.events.ReadingSessionId;
import vn.motsach.events.SchoolId;
import vn.motsach.events.reading.ReadingSessionRecorded;
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
    void readsInstantsInThePayloadWithTheirFractionAndInAnyShapeJacksonReads() {
        PublishedEvent session = new PublishedEvent("e-2", "ReadingSessionRecorded", "1", SchoolId.of("thcs-an-vinh"),
                Instant.parse("2026-09-05T01:00:00.123456Z"), 43, "hs-1",
                new ReadingSessionRecorded(SchoolId.of("thcs-an-vinh"), ReadingSessionId.of(UUID.fromString(
                        "8d3f8a8e-52a4-4a59-9d2c-1f0f8d1c2b3a")), PatronId.of("hs-1"), PatronCategory.STUDENT,
                        ClassId.of("6a1"), null, Instant.parse("2026-09-04T13:00:00.5Z"), 30, ReadingPlace.HOME, true));
        assertThat(codec.decode(codec.encode(session))).isEqualTo(session);

        String json = new String(codec.encode(session), StandardCharsets.UTF_8)
                .replace("\"2026-09-04T13:00:00.500Z\"", "\"2026-09-04T20:00:00.5+07:00\"")
                .replace("\"2026-09-04T13:00:00.5Z\"", "\"2026-09-04T20:00:00.5+07:00\"");
        assertThat(json).contains("+07:00");
        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(session);
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
