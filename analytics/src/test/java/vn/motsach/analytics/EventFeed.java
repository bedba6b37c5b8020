package vn.motsach.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.LoanId;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.Semester;
import vn.motsach.events.TitleId;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolYearScheduled;
import vn.motsach.events.schoolclass.ClassOpened;
import vn.motsach.events.authority.AuthorityKind;
import vn.motsach.events.authority.AuthorityNode;
import vn.motsach.infra.kafka.EventEnvelopeCodec;
import vn.motsach.infra.kafka.KafkaTopics;

/** Publishes events to the real topic as the command side's publisher does: JSON envelopes keyed by school. */
public final class EventFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final EventEnvelopeCodec codec = new EventEnvelopeCodec();
    private long position;

    public EventFeed(String bootstrapServers, String topic) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    public PublishedEvent publish(SchoolEvent event, Instant occurredAt) {
        position++;
        PublishedEvent published = new PublishedEvent(UUID.randomUUID().toString(), event.getClass().getSimpleName(), "1",
                event.schoolId(), occurredAt, position, "test", event);
        send(published);
        return published;
    }

    /** Sends an envelope again, as the publisher does after a crash. */
    public void send(PublishedEvent published) {
        try {
            producer.send(new ProducerRecord<>(topic, published.schoolId().value(), codec.encode(published))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** An authority in the tree, as the command side's publisher keeps the tree's topic beside the events topic. */
    public void authority(String authority, AuthorityKind kind, String parent) {
        AuthorityNode node = new AuthorityNode(AuthorityId.of(authority), authority, kind, parent == null ? null : AuthorityId.of(parent));
        try {
            producer.send(new ProducerRecord<>(KafkaTopics.authorityTreeTopic(topic), authority, codec.encodeState(node))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A school of {@code authority} with the 2025-2026 calendar, class 6a1 and its students. */
    public void school(String school, String authority, Instant at, String... students) {
        SchoolId id = SchoolId.of(school);
        publish(new SchoolRegistered(id, "THCS " + school, List.of(EducationLevel.LOWER_SECONDARY), AuthorityId.of(authority)), at);
        publish(new SchoolYearScheduled(id, SchoolYear.of("2025-2026"), LocalDate.of(2025, 9, 5), LocalDate.of(2026, 5, 31),
                List.of(new Semester(1, LocalDate.of(2025, 9, 5), LocalDate.of(2026, 1, 17)),
                        new Semester(2, LocalDate.of(2026, 1, 19), LocalDate.of(2026, 5, 31))),
                SchoolFixture.TET), at);
        publish(new ClassOpened(id, ClassId.of("6a1"), "6A1", 6, SchoolYear.of("2025-2026"), null), at);
        for (String student : students) {
            publish(new PatronRegistered(id, PatronId.of(student), "Học sinh " + student, PatronCategory.STUDENT,
                    ClassId.of("6a1")), at);
        }
    }

    public PublishedEvent loan(String school, String patronId, Instant borrowedAt) {
        UUID loan = UUID.randomUUID();
        return publish(new CopyCheckedOut(SchoolId.of(school), LoanId.of(loan), Barcode.of("b-" + position),
                TitleId.of(UUID.randomUUID()), "Dế Mèn phiêu lưu ký", DocType.CHILDREN, PatronId.of(patronId),
                PatronCategory.STUDENT, ClassId.of("6a1"), borrowedAt, LocalDate.of(2026, 3, 20), null), borrowedAt);
    }

    @Override
    public void close() {
        producer.close();
    }
}
