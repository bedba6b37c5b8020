package vn.motsach.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.AcquisitionSource;
import vn.motsach.events.Barcode;
import vn.motsach.events.ClassId;
import vn.motsach.events.DocType;
import vn.motsach.events.HoldId;
import vn.motsach.events.IntakeId;
import vn.motsach.events.LoanId;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.PatronId;
import vn.motsach.events.PeriodActivity;
import vn.motsach.events.PeriodId;
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
import vn.motsach.events.catalogue.CopyAccessioned;
import vn.motsach.events.catalogue.CopyDetailsRevised;
import vn.motsach.events.catalogue.CopyReportedLost;
import vn.motsach.events.catalogue.IntakeReceived;
import vn.motsach.events.catalogue.TitleCatalogued;
import vn.motsach.events.catalogue.TitleRevised;
import vn.motsach.events.circulation.CopyCheckedOut;
import vn.motsach.events.circulation.CopyReturned;
import vn.motsach.events.holds.HoldPlaced;
import vn.motsach.events.holds.HoldReadyForPickup;
import vn.motsach.events.patron.PatronMovedToClass;
import vn.motsach.events.patron.PatronRegistered;
import vn.motsach.events.reading.LibraryPeriodHeld;
import vn.motsach.events.reading.Participant;
import vn.motsach.events.reading.ReadingEventParticipationRecorded;
import vn.motsach.events.reading.ReadingEventScheduled;
import vn.motsach.events.reading.ReadingSessionRecorded;
import vn.motsach.events.reading.ReadingTargetRemoved;
import vn.motsach.events.reading.ReadingTargetSet;
import vn.motsach.events.school.LoanPolicySet;
import vn.motsach.events.school.SchoolRegistered;
import vn.motsach.events.school.SchoolYearScheduled;
import vn.motsach.events.schoolclass.ClassOpened;
import vn.motsach.query.QuerySideApplication;
import vn.motsach.query.replay.ProjectionRebuild;
import vn.motsach.testing.ApiClient;

/**
 * Rebuilding the projections from the event store, while the live processors run, gives exactly
 * the rows the live projections hold, under the same index names; queries answer meanwhile.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectionRebuildIT {

    private static final Instant NOW = Instant.parse("2026-09-07T01:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectionRebuild rebuild;

    @Test
    void aRebuildGivesTheRowsOfTheLiveProjections() {
        EventFeed feed = new EventFeed(eventStore, transactions, jdbc);
        List<String> schools = new ArrayList<>();
        List<Long> lastPositions = new ArrayList<>();
        long position = 0;
        for (int s = 0; s < 3; s++) {
            SchoolId school = SchoolId.of("th-rebuild-" + UUID.randomUUID().toString().substring(0, 8));
            schools.add(school.value());
            position = feed.append(lifeOf(school).toArray(SchoolEvent[]::new));
            lastPositions.add(position);
        }
        ApiClient api = new ApiClient(port);
        // each school's events may be handled by another segment: wait for every school's last one
        for (int s = 0; s < schools.size(); s++) {
            assertThat(api.get("/api/v1/schools/" + schools.get(s) + "/titles", "X-Min-Event-Position",
                    Long.toString(lastPositions.get(s))).status()).isEqualTo(200);
        }
        Map<String, List<String>> live = rows(schools);
        List<String> indexes = indexes();
        List<String> storage = storage();
        assertThat(storage).contains("qs_loan p fillfactor=70");
        assertThat(live.get("qs_loan")).hasSize(3 * 5);
        assertThat(live.get("qs_copy")).as("a revised title's copies, and one more accessioned after").filteredOn(row ->
                row.contains("(tái bản)")).hasSize(3 * 3);
        assertThat(live.get("qs_intake")).hasSize(3);
        assertThat(live.get("qs_copy")).as("a copy's corrected details").filteredOn(row -> row.contains("Tặng")).hasSize(3);

        rebuild.rebuild(List.of());

        assertThat(rebuild.status().state()).isEqualTo("DONE");
        assertThat(rebuild.status().position()).isGreaterThanOrEqualTo(position);
        assertThat(rows(schools)).isEqualTo(live);
        assertThat(indexes()).isEqualTo(indexes);
        // logged again, and packed as the live tables are, whatever room they loaded with
        assertThat(storage()).isEqualTo(storage);
        assertThat(jdbc.sql("select count(*) from pg_namespace where nspname = 'qs_rebuild'").query(Long.class).single()).isZero();

        // the live processors carry on in the rebuilt tables
        SchoolId later = SchoolId.of("th-rebuild-" + UUID.randomUUID().toString().substring(0, 8));
        long after = feed.append(lifeOf(later).toArray(SchoolEvent[]::new));
        assertThat(api.get("/api/v1/schools/" + later.value() + "/loans", "X-Min-Event-Position", Long.toString(after))
                .json().path("totalItems").asLong()).as("five loans, two returned, one closed as lost").isEqualTo(2);
    }

    @Test
    void queriesKeepAnsweringWhileOneProjectionIsRebuilt() {
        EventFeed feed = new EventFeed(eventStore, transactions, jdbc);
        SchoolId school = SchoolId.of("th-rebuild-" + UUID.randomUUID().toString().substring(0, 8));
        long position = feed.append(lifeOf(school).toArray(SchoolEvent[]::new));
        ApiClient api = new ApiClient(port);
        String titles = "/api/v1/schools/" + school.value() + "/titles?q=de%20men";
        assertThat(api.get(titles, "X-Min-Event-Position", Long.toString(position)).json().path("totalItems").asLong()).isEqualTo(1);

        ApiClient.Answer started = api.post("/api/v1/admin/projections/catalogue/rebuild", "{}");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.text("state")).isIn("RUNNING", "DONE");
        assertThat(api.post("/api/v1/admin/projections/catalogue/rebuild", "{}").status()).isIn(202, 409);
        assertThat(api.post("/api/v1/admin/projections/khong-co/rebuild", "{}").status()).isIn(404, 409);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            ApiClient.Answer answer = api.get(titles);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().path("totalItems").asLong()).isEqualTo(1);
            assertThat(api.get("/api/v1/admin/projections/rebuild").text("state")).isEqualTo("DONE");
        });
        assertThat(api.post("/api/v1/admin/projections/khong-co/rebuild", "{}").text("code")).isEqualTo("PROJECTION_NOT_FOUND");
    }

    /** A small school's first weeks: classes, patrons, titles, copies, loans, returns and holds. */
    private static List<SchoolEvent> lifeOf(SchoolId school) {
        List<SchoolEvent> events = new ArrayList<>();
        ClassId a1 = ClassId.of("6a1");
        ClassId a2 = ClassId.of("6a2");
        events.add(new SchoolRegistered(school, "Trường Tiểu học Dế Mèn", List.of(vn.motsach.events.EducationLevel.PRIMARY), null));
        events.add(new SchoolYearScheduled(school, SchoolYear.of("2026-2027"), LocalDate.of(2026, 9, 5), LocalDate.of(2027, 5, 31),
                List.of(new Semester(1, LocalDate.of(2026, 9, 5), LocalDate.of(2027, 1, 15)),
                        new Semester(2, LocalDate.of(2027, 1, 16), LocalDate.of(2027, 5, 31))),
                List.of(LocalDate.of(2027, 2, 17))));
        events.add(new LoanPolicySet(school, PatronCategory.STUDENT, 7, 3, 1, 3));
        events.add(new LoanPolicySet(school, PatronCategory.STUDENT, 10, 3, 1, 3));
        events.add(new ClassOpened(school, a1, "6A1", 6, SchoolYear.of("2026-2027"), null));
        events.add(new ClassOpened(school, a2, "6A2", 6, SchoolYear.of("2026-2027"), null));
        for (int p = 1; p <= 4; p++) {
            events.add(new PatronRegistered(school, PatronId.of("hs-" + p), "Học sinh số " + p, PatronCategory.STUDENT, a1));
        }
        events.add(new PatronMovedToClass(school, PatronId.of("hs-4"), a1, a2, LocalDate.of(2026, 10, 1)));
        String[] titles = {"Dế Mèn phiêu lưu ký", "Đất rừng phương Nam", "Những tấm lòng cao cả", "Tôi thấy hoa vàng trên cỏ xanh"};
        for (String title : titles) {
            events.add(new TitleCatalogued(school, id(school, title), title, List.of("Tác giả"), null, null, null, null,
                    List.of("Thiếu nhi"), DocType.CHILDREN, "vie"));
            for (int c = 1; c <= 2; c++) {
                events.add(new CopyAccessioned(school, barcode(title, c), id(school, title), title, DocType.CHILDREN, null, null,
                        BigDecimal.TEN, true));
            }
        }
        // catalogue upkeep: a revised title and its copies, an intake named by a copy
        events.add(new TitleRevised(school, id(school, titles[2]), titles[2] + " (tái bản)", List.of("Edmondo De Amicis"), null,
                "Kim Đồng", 2021, null, List.of("Giáo dục"), DocType.GENERAL, "vie"));
        IntakeId intake = IntakeId.of(UUID.nameUUIDFromBytes((school.value() + ":intake").getBytes(StandardCharsets.UTF_8)));
        events.add(new IntakeReceived(school, intake, LocalDate.of(2026, 9, 1), AcquisitionSource.DONATION, "BB 01", null));
        events.add(new CopyAccessioned(school, barcode(titles[2], 3), id(school, titles[2]), titles[2] + " (tái bản)",
                DocType.GENERAL, null, null, BigDecimal.ONE, true, intake, "895.9"));
        // copies' details corrected: the one just accessioned, in the same page, and one of the first
        events.add(new CopyDetailsRevised(school, barcode(titles[2], 3), id(school, titles[2]), LocalDate.of(2026, 9, 1), "Tặng",
                new BigDecimal("52000"), false, "895.922"));
        events.add(new CopyDetailsRevised(school, barcode(titles[1], 2), id(school, titles[1]), null, null, null, false, null));
        for (int p = 1; p <= 4; p++) {
            String title = titles[p - 1];
            events.add(new CopyCheckedOut(school, loan(school, p), barcode(title, 1), id(school, title), title, DocType.CHILDREN,
                    PatronId.of("hs-" + p), PatronCategory.STUDENT, a1, NOW, LocalDate.of(2026, 9, 21), null));
        }
        events.add(new HoldPlaced(school, hold(school, 1), id(school, titles[0]), PatronId.of("hs-2"), PatronCategory.STUDENT, a1,
                NOW, 1));
        events.add(new CopyReturned(school, loan(school, 1), barcode(titles[0], 1), id(school, titles[0]), PatronId.of("hs-1"),
                PatronCategory.STUDENT, a1, NOW.plusSeconds(86_400), LocalDate.of(2026, 9, 21), 0, Routing.HOLD_SHELF,
                hold(school, 1)));
        events.add(new HoldReadyForPickup(school, hold(school, 1), id(school, titles[0]), PatronId.of("hs-2"),
                barcode(titles[0], 1), NOW.plusSeconds(86_400), LocalDate.of(2026, 9, 11)));
        events.add(new CopyReturned(school, loan(school, 2), barcode(titles[1], 1), id(school, titles[1]), PatronId.of("hs-2"),
                PatronCategory.STUDENT, a1, NOW.plusSeconds(86_400), LocalDate.of(2026, 9, 21), 0, Routing.SHELF, null));
        events.add(new CopyCheckedOut(school, loan(school, 5), barcode(titles[1], 2), id(school, titles[1]), titles[1],
                DocType.CHILDREN, PatronId.of("hs-3"), PatronCategory.STUDENT, a1, NOW, LocalDate.of(2026, 9, 21), null));
        events.add(new CopyReportedLost(school, barcode(titles[3], 1), id(school, titles[3]), LocalDate.of(2026, 9, 9),
                NOW.plusSeconds(2 * 86_400), "Mất", PatronId.of("hs-4"), loan(school, 4), PatronCategory.STUDENT, a1));
        events.add(new LibraryPeriodHeld(school, PeriodId.of(UUID.nameUUIDFromBytes((school.value() + ":period").getBytes(
                StandardCharsets.UTF_8))), a1, LocalDate.of(2026, 9, 14), PeriodActivity.FREE_READING,
                List.of(PatronId.of("hs-1"), PatronId.of("hs-2")), 3, null, "Đọc tự do"));
        ReadingEventId festival = ReadingEventId.of(UUID.nameUUIDFromBytes((school.value() + ":event").getBytes(StandardCharsets.UTF_8)));
        events.add(new ReadingEventScheduled(school, festival, "Ngày hội đọc sách", ReadingEventKind.FESTIVAL,
                LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 18), List.of(a1, a2)));
        events.add(new ReadingEventParticipationRecorded(school, festival, LocalDate.of(2026, 9, 16),
                List.of(new Participant(PatronId.of("hs-1"), PatronCategory.STUDENT, a1),
                        new Participant(PatronId.of("hs-4"), PatronCategory.STUDENT, a2))));
        events.add(new ReadingSessionRecorded(school, ReadingSessionId.of(UUID.nameUUIDFromBytes((school.value() + ":session")
                .getBytes(StandardCharsets.UTF_8))), PatronId.of("hs-3"), PatronCategory.STUDENT, a1, null, NOW, 25,
                ReadingPlace.HOME, true));
        events.add(new ReadingTargetSet(school, "muon-sach", TargetMetric.LOANS_PER_STUDENT, TargetScope.SCHOOL, null,
                MetricPeriod.SEMESTER, new BigDecimal("2")));
        events.add(new ReadingTargetSet(school, "muon-sach", TargetMetric.LOANS_PER_STUDENT, TargetScope.SCHOOL, null,
                MetricPeriod.SEMESTER, new BigDecimal("2.5")));
        events.add(new ReadingTargetSet(school, "tiet-a1", TargetMetric.LIBRARY_PERIODS_PER_CLASS, TargetScope.CLASS,
                a1.value(), MetricPeriod.SCHOOL_YEAR, new BigDecimal("8")));
        events.add(new ReadingTargetRemoved(school, "tiet-a1"));
        return events;
    }

    private static Map<String, List<String>> rows(List<String> schools) {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : List.of("qs_school", "qs_catalogue_title", "qs_copy", "qs_intake", "qs_loan", "qs_hold",
                "qs_patron", "qs_patron_membership", "qs_patron_departure", "qs_class", "qs_school_year", "qs_loan_policy",
                "qs_library_period", "qs_reading_event", "qs_reading_event_participant", "qs_reading_session",
                "qs_reading_target")) {
            rows.put(table, JdbcRows.of(table, schools));
        }
        return rows;
    }

    /** Each table's persistence and storage parameters. */
    private List<String> storage() {
        return jdbc.sql("""
                        select relname || ' ' || relpersistence::text || ' ' || coalesce(array_to_string(reloptions, ','), '')
                        from pg_class
                        where relkind = 'r' and relname like 'qs\\_%'
                          and relnamespace = (select oid from pg_namespace where nspname = current_schema())
                        order by 1""")
                .query(String.class).list();
    }

    private List<String> indexes() {
        return jdbc.sql("select tablename || ':' || indexname from pg_indexes where tablename like 'qs\\_%' order by 1")
                .query(String.class).list();
    }

    private static TitleId id(SchoolId school, String title) {
        return TitleId.of(UUID.nameUUIDFromBytes((school.value() + title).getBytes(StandardCharsets.UTF_8)));
    }

    private static LoanId loan(SchoolId school, int n) {
        return LoanId.of(UUID.nameUUIDFromBytes((school.value() + ":loan:" + n).getBytes(StandardCharsets.UTF_8)));
    }

    private static HoldId hold(SchoolId school, int n) {
        return HoldId.of(UUID.nameUUIDFromBytes((school.value() + ":hold:" + n).getBytes(StandardCharsets.UTF_8)));
    }

    private static Barcode barcode(String title, int copy) {
        return Barcode.of("TN-" + Math.abs(title.hashCode() % 10_000) + "-" + copy);
    }

    /** Reads rows as text through a static JdbcClient set by the Spring test, so that helpers stay static. */
    static final class JdbcRows {

        static JdbcClient jdbc;

        static List<String> of(String table, List<String> schools) {
            return jdbc.sql("select t::text from " + table + " t where t.school_id = any(?) order by 1")
                    .param(schools.toArray(String[]::new))
                    .query(String.class).list();
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void shareJdbc() {
        JdbcRows.jdbc = jdbc;
    }
}
