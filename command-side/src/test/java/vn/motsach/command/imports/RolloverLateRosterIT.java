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
 * A school moving in during the year imports its students into last year's classes (a year that
 * is over): the import warns, row by row, and the rollover that follows moves them all the same,
 * from the day they joined (a move cannot be dated before the school knew them), graduates the
 * final grade's, and says which classes its plan leaves out.
 */
@SpringBootTest(classes = {CommandSideApplication.class, RolloverLateRosterIT.December.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "motsach.circulation.sweep-interval=1h")
class RolloverLateRosterIT {

    /** Monday 7 December 2026: the school year 2026-2027 is under way, 2025-2026 ended in July. */
    static final LocalDate DECEMBER = LocalDate.of(2026, 12, 7);

    private static final String LAST_YEAR = """
            {"startsOn":"2025-08-01","endsOn":"2026-07-31",
             "semesters":[{"number":1,"startsOn":"2025-08-01","endsOn":"2026-01-17"},
                          {"number":2,"startsOn":"2026-01-18","endsOn":"2026-07-31"}],
             "closedDays":[]}""";
    private static final String CLASSES = """
            Mã lớp,Tên lớp,Khối,Năm học,GVCN
            6a,6A,6,2025-2026,
            7a,7A,7,2025-2026,
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
            """;
    private static final String ROLLOVER = """
            {"fromSchoolYear":"2025-2026","graduatingGrades":[9],
             "classes":[{"fromClassId":"6a","toClassId":"7a-2026","name":"7A","grade":7}]}""";

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

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void studentsImportedInDecemberIntoLastYearsClassesAreWarnedAboutThenMovedByTheRollover() {
        LibraryFixture library = LibraryFixture.lowerSecondaryThisYear(api, "thcs-muon", "Trường THCS Muộn", "xa-thu-nghiem",
                DECEMBER);
        library.expect(201, api.put(library.base() + "/school-years/2025-2026", LAST_YEAR));

        JsonNode classes = import_("lop.csv", CLASSES, "CLASSES", false);
        assertThat(counts(classes)).as(classes.toString()).containsExactly(4, 4, 0, 0, 0);
        // this year's class goes in without a word
        assertThat(classes.path("warnings").findValuesAsString("code")).containsOnly("CLASS_YEAR_ENDED").hasSize(3);
        assertThat(classes.path("warnings").valueStream().map(w -> w.path("row").asInt()).toList()).containsExactly(2, 3, 4);
        assertThat(classes.path("warnings").get(0).path("field").asString()).isEqualTo("schoolYear");
        // the dry run says it too, and changes nothing
        JsonNode dry = import_("ban-doc.csv", PATRONS, "PATRONS", true);
        assertThat(dry.path("warnings").findValuesAsString("code")).containsOnly("CLASS_YEAR_ENDED").hasSize(4);
        JsonNode roster = import_("ban-doc.csv", PATRONS, "PATRONS", false);
        assertThat(counts(roster)).as(roster.toString()).containsExactly(5, 5, 0, 0, 0);
        assertThat(roster.path("warnings")).hasSize(4);
        JsonNode warning = roster.path("warnings").get(0);
        assertThat(warning.path("code").asString()).isEqualTo("CLASS_YEAR_ENDED");
        assertThat(warning.path("field").asString()).isEqualTo("classId");
        assertThat(warning.path("message").asString()).contains("Lớp 6A").contains("2025-2026").contains("đã kết thúc")
                .contains("lên lớp");
        JsonNode english = api.get("/api/v1/schools/thcs-muon/imports/" + roster.path("importId").asString(), "Accept-Language", "en")
                .json();
        assertThat(english.path("warnings").get(0).path("message").asString()).contains("Class 6A").contains("2025-2026")
                .contains("has ended").contains("roll the year 2025-2026 over");

        ApiClient.Answer accepted = api.post("/api/v1/schools/thcs-muon/school-years/2026-2027/rollover", ROLLOVER,
                "Idempotency-Key", "len-lop-muon");
        // the plan says, before it runs, which of last year's classes it leaves where they are
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertLeftOut(accepted.json().path("classesLeftOut"));
        JsonNode job = Uploads.finished(api, accepted).json();

        // the new class opened, two students moved, one graduated: none left behind in a year that is over
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(counts(job)).as(job.toString()).containsExactly(4, 1, 3, 0, 0);
        SchoolId school = SchoolId.of("thcs-muon");
        assertThat(patrons.studentsOfClassOn(school, ClassId.of("7a-2026"), DECEMBER))
                .containsExactlyInAnyOrder(PatronId.of("hs-1"), PatronId.of("hs-2"));
        assertThat(patrons.memberOn(school, PatronId.of("hs-3"), DECEMBER).orElseThrow().active()).isFalse();
        assertThat(patrons.memberOn(school, PatronId.of("hs-4"), DECEMBER).orElseThrow().classId()).isEqualTo(ClassId.of("7a"));
        JsonNode moved = event("PatronMovedToClass", "hs-1");
        assertThat(moved.path("effectiveOn").asString()).isEqualTo(DECEMBER.toString());
        assertThat(moved.path("fromClassId").asString()).isEqualTo("6a");
        assertThat(event("PatronLeft", "hs-3").path("leftOn").asString()).isEqualTo(DECEMBER.toString());

        ApiClient.Answer standing = api.get("/api/v1/schools/thcs-muon/school-years/2026-2027/rollover");
        assertThat(List.of(standing.json().path("studentsMoved").asInt(), standing.json().path("studentsGraduated").asInt()))
                .containsExactly(2, 1);
        assertLeftOut(standing.json().path("classesLeftOut"));
        // the key's answer again, as it was
        ApiClient.Answer replayed = api.post("/api/v1/schools/thcs-muon/school-years/2026-2027/rollover", ROLLOVER,
                "Idempotency-Key", "len-lop-muon");
        assertThat(replayed.status()).isEqualTo(202);
        assertLeftOut(replayed.json().path("classesLeftOut"));
    }

    @Test
    void aRolloverThatFailedAfterMovingThemIsRunAgainWithoutMovingThemTwice() {
        LibraryFixture library = LibraryFixture.lowerSecondaryThisYear(api, "thcs-lai", "Trường THCS Lại", "xa-thu-nghiem", DECEMBER);
        library.expect(201, api.put(library.base() + "/school-years/2025-2026", LAST_YEAR));
        library.expect(201, api.put(library.base() + "/classes/6a", "{\"name\":\"6A\",\"grade\":6,\"schoolYear\":\"2025-2026\"}"));
        library.patron("hs-1", "Nguyễn Văn Một", "STUDENT", "6a");
        String plan = """
                {"fromSchoolYear":"2025-2026","classes":[{"fromClassId":"6a","toClassId":"7a-2026","name":"7A","grade":7}]}""";
        JsonNode first = Uploads.finished(api, api.post("/api/v1/schools/thcs-lai/school-years/2026-2027/rollover", plan,
                "Idempotency-Key", "lan-mot")).json();
        assertThat(counts(first)).as(first.toString()).containsExactly(2, 1, 1, 0, 0);
        jdbc.sql("update cmd_import_job set status = 'FAILED' where import_id = ?::uuid").param(first.path("importId").asString()).update();

        JsonNode again = Uploads.finished(api, api.post("/api/v1/schools/thcs-lai/school-years/2026-2027/rollover", plan,
                "Idempotency-Key", "lan-hai")).json();

        // the class is there already and the student no longer in last year's: nothing to do twice, nobody lost
        assertThat(again.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(counts(again)).as(again.toString()).containsExactly(0, 0, 0, 0, 0);
        assertThat(patrons.studentsOfClassOn(SchoolId.of("thcs-lai"), ClassId.of("7a-2026"), DECEMBER))
                .containsExactly(PatronId.of("hs-1"));
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
        Uploads.finished(api, accepted);
        assertThat(api.get("/api/v1/schools/thcs-bo-sot/school-years/2027-2028/rollover").json().path("classesLeftOut")
                .findValuesAsString("classId")).containsExactly("8c-2026");
    }

    private static void assertLeftOut(JsonNode leftOut) {
        assertThat(leftOut).as(leftOut.toString()).hasSize(1);
        assertThat(leftOut.get(0).path("classId").asString()).isEqualTo("7a");
        assertThat(leftOut.get(0).path("name").asString()).isEqualTo("7A");
        assertThat(leftOut.get(0).path("grade").asInt()).isEqualTo(7);
        assertThat(leftOut.get(0).path("students").asInt()).isEqualTo(1);
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
