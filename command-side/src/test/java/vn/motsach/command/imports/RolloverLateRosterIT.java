package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.command.patrons.PatronLookups;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.MutableClock;

/**
 * Students imported in December into last year's classes (a year that is over), most often this
 * year's students under last year's class names: the import warns, row by row; the rollover is
 * refused before anything changes, naming the classes and how many, and keeps the year open; once
 * the roster is imported again into this year's classes, the rollover moves exactly the students
 * who were in last year's classes on its last day. The plan says which classes it leaves out.
 */
@SpringBootTest(classes = {CommandSideApplication.class, RolloverLateRosterIT.December.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "motsach.circulation.sweep-interval=1h")
class RolloverLateRosterIT {

    /** Monday 7 December 2026: the school year 2026-2027 is under way, 2025-2026 ended in July. */
    static final LocalDate DECEMBER = LocalDate.of(2026, 12, 7);
    /** A day of last year, 2025-2026, when the school's students of that year were registered. */
    static final LocalDate LAST_MAY = LocalDate.of(2026, 5, 4);

    private static final String LAST_YEAR = """
            {"startsOn":"2025-08-01","endsOn":"2026-07-31",
             "semesters":[{"number":1,"startsOn":"2025-08-01","endsOn":"2026-01-17"},
                          {"number":2,"startsOn":"2026-01-18","endsOn":"2026-07-31"}],
             "closedDays":[]}""";
    private static final String CLASSES = """
            Mã lớp,Tên lớp,Khối,Năm học,GVCN
            6a,6A,6,2025-2026,
            7a,Lớp 7A,7,2025-2026,
            9a,9A,9,2025-2026,
            6a-2026,6A,6,2026-2027,
            """;
    private static final String PATRONS = """
            Mã bạn đọc,Họ và tên,Đối tượng,Lớp
            hs-1,Nguyễn Văn Một,Học sinh,6a
            hs-2,Trần Thị Hai,Học sinh,6a
            hs-3,Lê Văn Ba,Học sinh,9a
            hs-4,Phạm Thị Bốn,Học sinh,7a
            hs-5,Đỗ Văn Năm,Học sinh,6a-2026
            hs-tam,Vũ Văn Tám,Học sinh,9a
            """;
    /** The same roster, each student in this year's class. */
    private static final String PATRONS_THIS_YEAR = """
            Mã bạn đọc,Họ và tên,Đối tượng,Lớp
            hs-1,Nguyễn Văn Một,Học sinh,6a-2026
            hs-2,Trần Thị Hai,Học sinh,6a-2026
            hs-3,Lê Văn Ba,Học sinh,9a-2026
            hs-4,Phạm Thị Bốn,Học sinh,7a-2026
            hs-5,Đỗ Văn Năm,Học sinh,6a-2026
            hs-tam,Vũ Văn Tám,Học sinh,9a-2026
            """;
    private static final String CLASSES_THIS_YEAR = """
            Mã lớp,Tên lớp,Khối,Năm học,GVCN
            7a-2026,7A,7,2026-2027,
            9a-2026,9A,9,2026-2027,
            """;
    private static final String ROLLOVER = """
            {"fromSchoolYear":"2025-2026","graduatingGrades":[9],
             "classes":[{"fromClassId":"6a","toClassId":"7a-2026","name":"7A","grade":7},
                        {"fromClassId":"8a","toClassId":"9a-2026","name":"9A","grade":9}]}""";

    @TestConfiguration(proxyBeanMethods = false)
    static class December {

        @Bean
        MutableClock clock() {
            return MutableClock.at(DECEMBER, LocalTime.of(9, 0));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatronLookups patrons;

    @Autowired
    MutableClock clock;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        clock.setTo(DECEMBER, LocalTime.of(9, 0));
    }

    @Test
    void studentsImportedInDecemberIntoLastYearsClassesAreWarnedAboutAndTheRolloverWaitsUntilTheyAreInThisYearsClasses() {
        // last May: the school's students of 2025-2026, in 6A, 8A and 9A
        clock.setTo(LAST_MAY, LocalTime.of(9, 0));
        LibraryFixture library = LibraryFixture.lowerSecondaryThisYear(api, "thcs-muon", "Trường THCS Muộn", "xa-thu-nghiem",
                LAST_MAY);
        library.expect(201, api.put(library.base() + "/classes/6a", "{\"name\":\"6A\",\"grade\":6,\"schoolYear\":\"2025-2026\"}"));
        library.expect(201, api.put(library.base() + "/classes/8a", "{\"name\":\"8A\",\"grade\":8,\"schoolYear\":\"2025-2026\"}"));
        library.expect(201, api.put(library.base() + "/classes/9a", "{\"name\":\"9A\",\"grade\":9,\"schoolYear\":\"2025-2026\"}"));
        library.patron("hs-sau", "Hoàng Văn Sáu", "STUDENT", "6a");
        library.patron("hs-tam", "Vũ Văn Tám", "STUDENT", "8a");
        library.patron("hs-chin", "Bùi Thị Chín", "STUDENT", "9a");
        clock.setTo(DECEMBER, LocalTime.of(9, 0));
        library.expect(201, library.scheduleYearHolding(DECEMBER));

        JsonNode classes = import_("lop.csv", CLASSES, "CLASSES", false);
        // this year's class goes in without a word; a name written with its label is said once
        assertThat(classes.path("warnings").findValuesAsString("code")).as(classes.toString()).containsOnly("CLASS_YEAR_ENDED")
                .hasSize(3);
        assertThat(classes.path("warnings").get(0).path("field").asString()).isEqualTo("schoolYear");
        assertThat(warningOfRow(classes, 3)).contains("Lớp 7A (mã 7a)").doesNotContain("Lớp Lớp");
        // the dry run says it too, and changes nothing
        JsonNode dry = import_("ban-doc.csv", PATRONS, "PATRONS", true);
        assertThat(dry.path("warnings").findValuesAsString("code")).containsOnly("CLASS_YEAR_ENDED").hasSize(5);
        JsonNode roster = import_("ban-doc.csv", PATRONS, "PATRONS", false);
        assertThat(counts(roster)).as(roster.toString()).containsExactly(6, 5, 1, 0, 0);
        assertThat(roster.path("warnings")).hasSize(5);
        JsonNode warning = roster.path("warnings").get(0);
        assertThat(warning.path("code").asString()).isEqualTo("CLASS_YEAR_ENDED");
        assertThat(warning.path("field").asString()).isEqualTo("classId");
        // the advice: this year's class, not a rollover (which would move this year's students a grade up)
        assertThat(warning.path("message").asString()).contains("Lớp 6A (mã 6a)").contains("2025-2026").contains("đã kết thúc")
                .contains("lớp của năm học hiện tại");
        assertThat(warningOfRow(roster, 5)).contains("Lớp 7A (mã 7a)").doesNotContain("Lớp Lớp");
        JsonNode english = api.get("/api/v1/schools/thcs-muon/imports/" + roster.path("importId").asString(), "Accept-Language", "en")
                .json();
        assertThat(english.path("warnings").get(0).path("message").asString()).contains("Class 6A (6a)").contains("2025-2026")
                .contains("has ended").contains("put them in this year's class").doesNotContain("roll the year");

        // a late joiner whose transfer is recorded for later this month is still one of them
        library.expect(201, api.post(library.base() + "/patrons/hs-1/departures", "{\"reason\":\"TRANSFERRED\",\"leftOn\":\"2026-12-20\"}"));

        // the rollover is refused before anything changes: the classes by name (id), how many, what to do
        ApiClient.Answer refused = api.post("/api/v1/schools/thcs-muon/school-years/2026-2027/rollover", ROLLOVER,
                "Idempotency-Key", "len-lop-muon");
        assertLateJoiners(refused);
        String detail = refused.json().path("detail").asString();
        assertThat(detail).startsWith("5 học sinh").contains("6A (6a): 2, 7A (7a): 1, 9A (9a): 2").contains("2025-2026")
                .contains("lớp của năm học 2026-2027").contains("nhập lại danh sách bạn đọc").doesNotContain("Lớp Lớp");
        assertThat(api.post("/api/v1/schools/thcs-muon/school-years/2026-2027/rollover", ROLLOVER, "Accept-Language", "en")
                .json().path("detail").asString()).contains("5 in all").contains("7A (7a): 1").contains("import the roster again");
        SchoolId school = SchoolId.of("thcs-muon");
        assertThat(patrons.rosterClasses(school, List.of("7a-2026"))).isEmpty();
        assertThat(patrons.memberOn(school, PatronId.of("hs-chin"), DECEMBER).orElseThrow().active()).isTrue();
        assertThat(patrons.memberOn(school, PatronId.of("hs-tam"), DECEMBER).orElseThrow().classId()).isEqualTo(ClassId.of("9a"));
        // the year is not locked
        LibraryFixture.refused(api.get("/api/v1/schools/thcs-muon/school-years/2026-2027/rollover"), 404, "ROLLOVER_NOT_FOUND");
        // the refusal is the key's answer
        ApiClient.Answer replayed = api.post("/api/v1/schools/thcs-muon/school-years/2026-2027/rollover", ROLLOVER,
                "Idempotency-Key", "len-lop-muon");
        assertLateJoiners(replayed);
        assertThat(replayed.json().path("detail").asString()).isEqualTo(detail);

        // mended: each student in this year's class
        JsonNode thisYear = import_("lop-nam-nay.csv", CLASSES_THIS_YEAR, "CLASSES", false);
        assertThat(thisYear.path("warnings")).as(thisYear.toString()).isEmpty();
        JsonNode mended = import_("ban-doc.csv", PATRONS_THIS_YEAR, "PATRONS", false);
        assertThat(mended.path("warnings")).as(mended.toString()).isEmpty();
        assertThat(counts(mended)).containsExactly(6, 0, 5, 1, 0);

        JsonNode job = Uploads.finished(api, api.post("/api/v1/schools/thcs-muon/school-years/2026-2027/rollover", ROLLOVER,
                "Idempotency-Key", "len-lop-muon-2")).json();

        // exactly last year's students of its last day: 6A up to 7A, 8A up to 9A, 9A graduated; one step each,
        // then last year's 6A, 8A and 9A closed
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(counts(job)).as(job.toString()).containsExactly(6, 0, 6, 0, 0);
        LocalDate firstDay = LocalDate.of(2026, 8, 1);
        assertThat(patrons.memberOn(school, PatronId.of("hs-sau"), firstDay).orElseThrow().classId()).isEqualTo(ClassId.of("7a-2026"));
        assertThat(patrons.memberOn(school, PatronId.of("hs-tam"), firstDay).orElseThrow().classId()).isEqualTo(ClassId.of("9a-2026"));
        assertThat(patrons.memberOn(school, PatronId.of("hs-tam"), DECEMBER).orElseThrow().active()).isTrue();
        assertThat(patrons.memberOn(school, PatronId.of("hs-chin"), DECEMBER).orElseThrow().active()).isFalse();
        // this year's students stay where the roster put them: none moved up, none graduated
        assertThat(patrons.studentsOfClassOn(school, ClassId.of("9a-2026"), DECEMBER))
                .containsExactlyInAnyOrder(PatronId.of("hs-3"), PatronId.of("hs-tam"));
        assertThat(patrons.studentsOfClassOn(school, ClassId.of("6a-2026"), DECEMBER))
                .containsExactlyInAnyOrder(PatronId.of("hs-1"), PatronId.of("hs-2"), PatronId.of("hs-5"));
        assertThat(patrons.studentsOfClassOn(school, ClassId.of("7a-2026"), DECEMBER))
                .containsExactlyInAnyOrder(PatronId.of("hs-sau"), PatronId.of("hs-4"));
        assertThat(event("PatronLeft", "hs-chin").path("leftOn").asString()).isEqualTo(firstDay.toString());
        // the refusal stays the first key's answer
        assertLateJoiners(api.post("/api/v1/schools/thcs-muon/school-years/2026-2027/rollover", ROLLOVER,
                "Idempotency-Key", "len-lop-muon"));
    }

    private static void assertLateJoiners(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.json().path("code").asString()).isEqualTo("ROLLOVER_LATE_JOINERS");
    }

    private static String warningOfRow(JsonNode job, int row) {
        return job.path("warnings").valueStream().filter(w -> w.path("row").asInt() == row).findFirst().orElseThrow()
                .path("message").asString();
    }

    @Test
    void aPlanThatLeavesClassesOutSaysWhich() {
        LibraryFixture library = LibraryFixture.lowerSecondaryThisYear(api, "thcs-bo-sot", "Trường THCS Bỏ Sót", "xa-thu-nghiem",
                DECEMBER);
        library.expect(201, api.put(library.base() + "/classes/8b-2026", "{\"name\":\"8B\",\"grade\":8,\"schoolYear\":\"2026-2027\"}"));
        library.expect(201, api.put(library.base() + "/classes/8c-2026", "{\"name\":\"8C\",\"grade\":8,\"schoolYear\":\"2026-2027\"}"));
        library.expect(201, api.put(library.base() + "/school-years/2027-2028", LAST_YEAR.replace("2026", "2028")
                .replace("2025", "2027")));

        ApiClient.Answer accepted = api.post("/api/v1/schools/thcs-bo-sot/school-years/2027-2028/rollover", """
                {"fromSchoolYear":"2026-2027","classes":[{"fromClassId":"8b-2026","toClassId":"9b-2027","name":"9B","grade":9}]}""");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode leftOut = accepted.json().path("classesLeftOut");
        assertThat(leftOut).hasSize(1);
        assertThat(leftOut.get(0).path("classId").asString()).isEqualTo("8c-2026");
        assertThat(leftOut.get(0).path("name").asString()).isEqualTo("8C");
        JsonNode job = Uploads.finished(api, accepted).json();
        assertThat(api.get("/api/v1/schools/thcs-bo-sot/school-years/2027-2028/rollover").json().path("classesLeftOut")
                .findValuesAsString("classId")).containsExactly("8c-2026");
        // the finished job's report says it too, as it was planned
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("classesLeftOut")).as(job.toString()).hasSize(1);
        assertThat(job.path("classesLeftOut").get(0).path("name").asString()).isEqualTo("8C");
        assertThat(job.path("classesLeftOut").get(0).path("grade").asInt()).isEqualTo(8);
        // the class left out stays open; the class the plan moved is closed
        assertThat(patrons.rosterClasses(SchoolId.of("thcs-bo-sot"), List.of("8c-2026")).get("8c-2026").closedOn()).isNull();
        assertThat(patrons.rosterClasses(SchoolId.of("thcs-bo-sot"), List.of("8b-2026")).get("8b-2026").closedOn()).isNotNull();
        // the list of jobs leaves it to the job's own report, as it does errors and warnings
        assertThat(api.get("/api/v1/schools/thcs-bo-sot/imports").json().path("items").get(0).has("classesLeftOut")).isFalse();
    }

    private JsonNode import_(String fileName, String content, String kind, boolean dryRun) {
        return Uploads.finished(api, Uploads.upload(port, "thcs-muon", fileName, content.getBytes(StandardCharsets.UTF_8),
                Map.of("kind", kind, "dryRun", String.valueOf(dryRun)))).json();
    }

    private JsonNode event(String type, String patronId) {
        String payload = jdbc.sql("""
                        select payload from domainevententry where payloadtype like ?
                        and payload like '%"schoolId":"thcs-muon"%' and payload::jsonb ->> 'patronId' = ?""")
                .params("%." + type, patronId).query(String.class).single();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(payload);
    }

    private static List<Integer> counts(JsonNode job) {
        return List.of(job.path("total").asInt(), job.path("created").asInt(), job.path("updated").asInt(),
                job.path("unchanged").asInt(), job.path("rejected").asInt());
    }
}
