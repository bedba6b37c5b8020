package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.command.patrons.PatronLookups;
import vn.motsach.events.ClassId;
import vn.motsach.events.PatronId;
import vn.motsach.events.SchoolId;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * The year's rollover: a job that moves each class's students to the new year's class from its
 * first day and graduates the final grade, keeping every earlier membership; the same rollover
 * again changes nothing; a request that cannot be right is refused before anything changes.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motsach.circulation.sweep-interval=1h")
class RolloverIT {

    private static final String NEW_YEAR = """
            {"startsOn":"2027-09-06","endsOn":"2028-05-31",
             "semesters":[{"number":1,"startsOn":"2027-09-06","endsOn":"2028-01-16"},
                          {"number":2,"startsOn":"2028-01-17","endsOn":"2028-05-31"}],
             "closedDays":[]}""";
    private static final String ROLLOVER = """
            {"fromSchoolYear":"2026-2027","graduatingGrades":[5],
             "classes":[{"fromClassId":"4a1","toClassId":"5a1-2728","name":"5A1","grade":5}]}""";

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
    void studentsMoveFromTheNewYearsFirstDayTheFinalGradeGraduatesAndTheSameRolloverAgainChangesNothing() {
        LibraryFixture library = school("th-roll");
        String titleId = library.title("Dế Mèn phiêu lưu ký");
        library.copy("RL-1", titleId);

        ApiClient.Answer accepted = rollover("th-roll", "2027-2028", ROLLOVER, "Idempotency-Key", "len-lop-2027");
        JsonNode job = finished(accepted);

        assertThat(job.path("kind").asString()).isEqualTo("ROLLOVER");
        assertThat(counts(job)).as(job.toString()).containsExactly(5, 1, 4, 0, 0);
        assertThat(job.path("processed").asInt()).isEqualTo(5);
        SchoolId school = SchoolId.of("th-roll");
        assertThat(patrons.memberOn(school, PatronId.of("hs-c"), LocalDate.of(2027, 5, 31)).orElseThrow().classId())
                .isEqualTo(ClassId.of("4a1"));
        assertThat(patrons.memberOn(school, PatronId.of("hs-c"), LocalDate.of(2027, 9, 6)).orElseThrow().classId())
                .isEqualTo(ClassId.of("5a1-2728"));
        assertThat(patrons.studentsOfClassOn(school, ClassId.of("4a1"), LocalDate.of(2027, 5, 31)))
                .containsExactlyInAnyOrder(PatronId.of("hs-c"), PatronId.of("hs-d"));
        assertThat(patrons.rosterClasses(school, List.of("5a1-2728")).get("5a1-2728").schoolYear()).isEqualTo("2027-2028");
        JsonNode left = json(jdbc.sql("""
                        select payload from domainevententry where payloadtype like '%.PatronLeft'
                        and payload like '%"schoolId":"th-roll"%' and payload::jsonb ->> 'patronId' = 'hs-an'""")
                .query(String.class).single());
        assertThat(left.path("reason").asString()).isEqualTo("GRADUATED");
        assertThat(left.path("leftOn").asString()).isEqualTo("2027-09-06");
        // the graduate can borrow no more; the rules refuse a patron who has left
        LibraryFixture.refused(library.checkOut("RL-1", "hs-an"), 409, "PATRON_INACTIVE");

        ApiClient.Answer replayed = rollover("th-roll", "2027-2028", ROLLOVER, "Idempotency-Key", "len-lop-2027");
        assertThat(replayed.status()).isEqualTo(202);
        assertThat(replayed.header("Idempotent-Replayed")).hasValue("true");
        assertThat(replayed.text("importId")).isEqualTo(accepted.text("importId"));

        long events = events("th-roll");
        JsonNode again = finished(rollover("th-roll", "2027-2028", ROLLOVER));
        assertThat(again.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.path("created").asInt() + again.path("updated").asInt() + again.path("rejected").asInt())
                .as(again.toString()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(again.path("total").asInt()).isPositive();
        assertThat(events("th-roll")).isEqualTo(events);
    }

    @Test
    void aRolloverThatCannotBeRightIsRefusedBeforeAnythingChanges() {
        school("th-roll-bad");
        long events = events("th-roll-bad");

        LibraryFixture.refused(rollover("th-roll-bad", "2027-2028", """
                {"fromSchoolYear":"2026-2027","classes":[{"fromClassId":"9z","toClassId":"x","name":"X","grade":5}]}"""),
                404, "CLASS_NOT_FOUND");
        LibraryFixture.refused(rollover("th-roll-bad", "2027-2028", """
                {"fromSchoolYear":"2026-2027","classes":[{"fromClassId":"4a1","toClassId":"5a4"}]}"""),
                409, "ROLLOVER_CLASS_WRONG_YEAR");
        LibraryFixture.refused(rollover("th-roll-bad", "2027-2028", """
                {"fromSchoolYear":"2026-2027","graduatingGrades":[5],"classes":[{"fromClassId":"5a4","toClassId":"6a4","name":"6A4","grade":6}]}"""),
                409, "ROLLOVER_CLASS_GRADUATES");
        LibraryFixture.refused(rollover("th-roll-bad", "2028-2029", """
                {"fromSchoolYear":"2027-2028","graduatingGrades":[5]}"""), 409, "ROLLOVER_YEAR_NOT_SCHEDULED");
        ApiClient.Answer invalid = rollover("th-roll-bad", "2027-2028", """
                {"fromSchoolYear":"2025-2026","graduatingGrades":[13],"classes":[{"fromClassId":"4a1","toClassId":"5a1"},
                 {"fromClassId":"4a1","toClassId":"5a2","name":"5A2","grade":5}]}""");
        LibraryFixture.refused(invalid, 400, "VALIDATION_FAILED");
        assertThat(invalid.body()).contains("fromSchoolYear").contains("graduatingGrades[0]").contains("classes[1].fromClassId");
        LibraryFixture.refused(rollover("th-roll-bad", "2027-2028", """
                {"fromSchoolYear":"2026-2027","classes":[{"fromClassId":"4a1","toClassId":"5a1"}]}"""), 400, "VALIDATION_FAILED");
        LibraryFixture.refused(rollover("th-roll-bad", "2027-2028", ""), 400, "VALIDATION_FAILED");
        LibraryFixture.refused(rollover("th-roll-bad", "2027-2028", "{}"), 400, "VALIDATION_FAILED");

        assertThat(jdbc.sql("select count(*) from cmd_import_job where school_id = 'th-roll-bad'").query(Long.class).single()).isZero();
        assertThat(events("th-roll-bad")).isEqualTo(events);
    }

    /** The fixture's school (5A4 with two students), its class 4A1 with two more, and the next year scheduled. */
    private LibraryFixture school(String id) {
        LibraryFixture library = LibraryFixture.primarySchool(api, id);
        library.expect(201, api.put(library.base() + "/classes/4a1", "{\"name\":\"4A1\",\"grade\":4,\"schoolYear\":\"2026-2027\"}"));
        library.patron("hs-c", "Lê Văn Cường", "STUDENT", "4a1");
        library.patron("hs-d", "Phạm Thị Dung", "STUDENT", "4a1");
        library.expect(201, api.put(library.base() + "/school-years/2027-2028", NEW_YEAR));
        return library;
    }

    private ApiClient.Answer rollover(String school, String year, String body, String... headers) {
        return api.post("/api/v1/schools/" + school + "/school-years/" + year + "/rollover", body, headers);
    }

    private long events(String school) {
        return jdbc.sql("select count(*) from domainevententry where payload like ?").param("%\"schoolId\":\"" + school + "\"%")
                .query(Long.class).single();
    }

    private static List<Integer> counts(JsonNode job) {
        return List.of(job.path("total").asInt(), job.path("created").asInt(), job.path("updated").asInt(),
                job.path("unchanged").asInt(), job.path("rejected").asInt());
    }

    private static JsonNode json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
    }

    private JsonNode finished(ApiClient.Answer accepted) {
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String location = accepted.header("Location").orElseThrow();
        ApiClient.Answer[] last = new ApiClient.Answer[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = api.get(location);
            return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(last[0].text("status"));
        });
        return last[0].json();
    }
}
