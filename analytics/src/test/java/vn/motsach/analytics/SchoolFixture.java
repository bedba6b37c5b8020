package vn.motsach.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import vn.motsach.analytics.calendar.SchoolTime;
import vn.motsach.analytics.metrics.ReadingMetrics;
import vn.motsach.analytics.metrics.StateLookup;
import vn.motsach.analytics.streams.EventSerde;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DepartureReason;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.LoanId;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.PeriodActivity;
import vn.motsach.events.PeriodId;
import vn.motsach.events.PublishedEvent;
import vn.motsach.events.ReadingEventId;
import vn.motsach.events.ReadingEventKind;
import vn.motsach.events.ReadingPlace;
import vn.motsach.events.ReadingSessionId;
import vn.motsach.events.Routing;
import vn.motsach.events.SchoolEvent;
import vn.motsach.events.SchoolId;
import vn.motsach.events.SchoolYear;
import vn.motsach.events.Semester;
import vn.motsach.events.TargetMetric;
import vn.motsach.events.TargetScope;
import vn.motsach.events.TitleId;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.circulation.LoanBecameOverdue;
import vn.motsach.events.patron.PatronLeft;
import vn.motsach.events.patron.PatronMovedToClass;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.reading.LibraryPeriodHeld;
import vn.motsach.events.reading.Participant;
import vn.motsach.events.reading.ReadingEventParticipationRecorded;
import vn.motsach.events.reading.ReadingEventScheduled;
import vn.motsach.events.reading.ReadingSessionRecorded;
import vn.motsach.events.reading.ReadingTargetSet;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolYearScheduled;
import vn.motsach.events.schoolclass.ClassOpened;
import vn.motsach.events.authority.AuthorityKind;
import vn.motsach.events.authority.AuthorityNode;
import vn.motsach.analytics.streams.JsonSerde;
import vn.motsach.infra.kafka.EventEnvelopeCodec;
import vn.motsach.infra.kafka.KafkaTopics;
import vn.motsach.testing.TestDirectories;

/**
 * Every analytics topology on a {@link TopologyTestDriver}, with a fixed school calendar:
 * school year 2025-2026 from 2025-09-05 to 2026-05-31, Học kỳ I to 2026-01-17, Học kỳ II from
 * 2026-01-19, and the Tết week 2026-02-16 to 2026-02-20 closed. Events are published in the
 * order the test calls the methods; each method returns the envelope it published.
 */
public final class SchoolFixture implements AutoCloseable {

    public static final String TOPIC = "events";
    public static final String SCHOOL = "thcs-an-vinh";
    public static final String AUTHORITY = "xa-an-vinh";
    public static final LocalDate TET_MONDAY = LocalDate.of(2026, 2, 16);
    public static final List<LocalDate> TET = List.of(TET_MONDAY, TET_MONDAY.plusDays(1), TET_MONDAY.plusDays(2),
            TET_MONDAY.plusDays(3), TET_MONDAY.plusDays(4));

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, PublishedEvent> events;
    private final TestInputTopic<String, AuthorityNode> tree;
    private final Serde<PublishedEvent> serde = EventSerde.of(new EventEnvelopeCodec());
    private long position;
    /** When the next event happens; tests move it to publish late events. */
    private Instant now = at(LocalDate.of(2025, 9, 1), LocalTime.of(7, 0));

    public SchoolFixture() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
        // a directory of its own, so two fixtures (or two builds on the machine) never share RocksDB files
        config.put(StreamsConfig.STATE_DIR_CONFIG, TestDirectories.create("analytics-topology-").toString());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(AnalyticsTopology.build(TOPIC, serde, config), config);
        events = driver.createInputTopic(TOPIC, new StringSerializer(), serde.serializer(),
                Instant.parse("2026-01-01T00:00:00Z"), Duration.ofSeconds(1));
        tree = driver.createInputTopic(KafkaTopics.authorityTreeTopic(TOPIC), new StringSerializer(),
                JsonSerde.of(AuthorityNode.class).serializer());
    }

    /** An authority in the tree, as the command side's topic of the tree carries it. */
    public SchoolFixture authority(String authority, AuthorityKind kind, String parent) {
        tree.pipeInput(authority, new AuthorityNode(AuthorityId.of(authority), authority, kind,
                parent == null ? null : AuthorityId.of(parent)));
        return this;
    }

    public static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(SchoolTime.ZONE).toInstant();
    }

    public ReadingMetrics metrics(LocalDate today) {
        return new ReadingMetrics(stores(), Clock.fixed(at(today, LocalTime.NOON), SchoolTime.ZONE));
    }

    public StateLookup stores() {
        return new StateLookup() {
            @Override
            public <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name) {
                return driver.getKeyValueStore(name);
            }
        };
    }

    /** Events from now on happen at this time. */
    public SchoolFixture on(LocalDate day, LocalTime time) {
        now = at(day, time);
        return this;
    }

    public PublishedEvent publish(SchoolEvent event) {
        position++;
        PublishedEvent published = new PublishedEvent(UUID.randomUUID().toString(), event.getClass().getSimpleName(), "1",
                event.schoolId(), now, position, "test", event);
        return publish(published);
    }

    /** Publishes an envelope as it is, for example a second time as the publisher does after a crash. */
    public PublishedEvent publish(PublishedEvent published) {
        events.pipeInput(published.schoolId().value(), published);
        return published;
    }

    /** The school with the fixed calendar, and its authority. */
    public SchoolFixture schoolWithCalendar() {
        return schoolWithCalendar(SCHOOL, AUTHORITY);
    }

    public SchoolFixture schoolWithCalendar(String school, String authority) {
        publish(new SchoolRegistered(SchoolId.of(school), "THCS " + school, List.of(EducationLevel.LOWER_SECONDARY),
                authority == null ? null : AuthorityId.of(authority)));
        publish(new SchoolYearScheduled(SchoolId.of(school), SchoolYear.of("2025-2026"), LocalDate.of(2025, 9, 5),
                LocalDate.of(2026, 5, 31),
                List.of(new Semester(1, LocalDate.of(2025, 9, 5), LocalDate.of(2026, 1, 17)),
                        new Semester(2, LocalDate.of(2026, 1, 19), LocalDate.of(2026, 5, 31))),
                TET));
        return this;
    }

    public SchoolFixture classOpened(String classId, int grade) {
        return classOpened(SCHOOL, classId, grade);
    }

    public SchoolFixture classOpened(String school, String classId, int grade) {
        publish(new ClassOpened(SchoolId.of(school), ClassId.of(classId), classId.toUpperCase(java.util.Locale.ROOT), grade,
                SchoolYear.of("2025-2026"), null));
        return this;
    }

    public SchoolFixture students(String classId, String... patronIds) {
        return studentsOf(SCHOOL, classId, patronIds);
    }

    public SchoolFixture studentsOf(String school, String classId, String... patronIds) {
        Arrays.stream(patronIds).forEach(id -> publish(new PatronRegistered(SchoolId.of(school), PatronId.of(id),
                "Học sinh " + id, PatronCategory.STUDENT, ClassId.of(classId))));
        return this;
    }

    public SchoolFixture teacher(String patronId) {
        publish(new PatronRegistered(SchoolId.of(SCHOOL), PatronId.of(patronId), "Cô " + patronId, PatronCategory.TEACHER, null));
        return this;
    }

    public PublishedEvent move(String patronId, String from, String to, LocalDate effectiveOn) {
        return publish(new PatronMovedToClass(SchoolId.of(SCHOOL), PatronId.of(patronId), ClassId.of(from), ClassId.of(to),
                effectiveOn));
    }

    public PublishedEvent left(String patronId, LocalDate leftOn) {
        return publish(new PatronLeft(SchoolId.of(SCHOOL), PatronId.of(patronId), DepartureReason.values()[0], leftOn));
    }

    /** A loan made at {@code borrowedAt} (event time), published whenever the fixture's clock says. */
    public PublishedEvent loan(String loanId, String patronId, String classId, Instant borrowedAt) {
        return loan(SCHOOL, loanId, patronId, PatronCategory.STUDENT, classId, borrowedAt);
    }

    public PublishedEvent loan(String school, String loanId, String patronId, PatronCategory category, String classId,
            Instant borrowedAt) {
        return publish(new CopyCheckedOut(SchoolId.of(school), loanId(loanId), Barcode.of("b-" + loanId),
                TitleId.of(UUID.nameUUIDFromBytes(loanId.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                "Dế Mèn phiêu lưu ký", DocType.CHILDREN, PatronId.of(patronId), category,
                classId == null ? null : ClassId.of(classId), borrowedAt,
                SchoolTime.dayOf(borrowedAt).plusDays(14), null));
    }

    public PublishedEvent overdue(String loanId, String patronId, String classId, LocalDate overdueSince) {
        return publish(new LoanBecameOverdue(SchoolId.of(SCHOOL), loanId(loanId), Barcode.of("b-" + loanId),
                TitleId.of(UUID.nameUUIDFromBytes(loanId.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                PatronId.of(patronId), PatronCategory.STUDENT, ClassId.of(classId), overdueSince.minusDays(1), overdueSince));
    }

    public PublishedEvent returned(String loanId, String patronId, String classId, Instant returnedAt) {
        return publish(new CopyReturned(SchoolId.of(SCHOOL), loanId(loanId), Barcode.of("b-" + loanId),
                TitleId.of(UUID.nameUUIDFromBytes(loanId.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                PatronId.of(patronId), PatronCategory.STUDENT, ClassId.of(classId), returnedAt,
                SchoolTime.dayOf(returnedAt), 0, Routing.values()[0], null));
    }

    public PublishedEvent lost(String loanId, String patronId, String classId, Instant reportedAt) {
        return publish(new CopyReportedLost(SchoolId.of(SCHOOL), Barcode.of("b-" + loanId),
                TitleId.of(UUID.nameUUIDFromBytes(loanId.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                SchoolTime.dayOf(reportedAt), reportedAt, null, PatronId.of(patronId), loanId(loanId), PatronCategory.STUDENT,
                ClassId.of(classId)));
    }

    public PublishedEvent session(String patronId, String classId, Instant startedAt, int minutes) {
        return publish(new ReadingSessionRecorded(SchoolId.of(SCHOOL), ReadingSessionId.of(UUID.randomUUID()),
                PatronId.of(patronId), PatronCategory.STUDENT, ClassId.of(classId), null, startedAt, minutes,
                ReadingPlace.LIBRARY, false));
    }

    /** A session read at home, which the school did not see: self-reported, as the command side records it. */
    public PublishedEvent homeSession(String patronId, String classId, Instant startedAt, int minutes) {
        return publish(new ReadingSessionRecorded(SchoolId.of(SCHOOL), ReadingSessionId.of(UUID.randomUUID()),
                PatronId.of(patronId), PatronCategory.STUDENT, ClassId.of(classId), null, startedAt, minutes,
                ReadingPlace.HOME, true));
    }

    public PublishedEvent libraryPeriod(UUID periodId, String classId, LocalDate heldOn, int enrolled, String... attendees) {
        return publish(new LibraryPeriodHeld(SchoolId.of(SCHOOL), PeriodId.of(periodId), ClassId.of(classId), heldOn,
                PeriodActivity.FREE_READING, Arrays.stream(attendees).map(PatronId::of).toList(), enrolled, null, null));
    }

    public PublishedEvent readingEvent(UUID eventId, String name, LocalDate startsOn, LocalDate endsOn, String... classIds) {
        return publish(new ReadingEventScheduled(SchoolId.of(SCHOOL), ReadingEventId.of(eventId), name,
                ReadingEventKind.READING_DAY, startsOn, endsOn, Arrays.stream(classIds).map(ClassId::of).toList()));
    }

    public PublishedEvent participation(UUID eventId, LocalDate recordedOn, String classId, String... patronIds) {
        return publish(new ReadingEventParticipationRecorded(SchoolId.of(SCHOOL), ReadingEventId.of(eventId), recordedOn,
                Arrays.stream(patronIds).map(id -> new Participant(PatronId.of(id), PatronCategory.STUDENT, ClassId.of(classId)))
                        .toList()));
    }

    public PublishedEvent target(String targetId, TargetMetric metric, TargetScope scope, String scopeId, MetricPeriod period,
            String threshold) {
        return publish(new ReadingTargetSet(SchoolId.of(SCHOOL), targetId, metric, scope, scopeId, period,
                new BigDecimal(threshold)));
    }

    public static LoanId loanId(String name) {
        return LoanId.of(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        driver.close();
    }
}
