package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
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
 * first day and graduates the final grade, keeping every earlier membership; a year is rolled over
 * once (the same key still gets its first answer); a request that cannot be right is refused
 * before anything changes.
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

    @Autowired
    ImportRunner runner;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void studentsMoveFromTheNewYearsFirstDayTheFinalGradeGraduatesAndTheYearIsRolledOverOnce() {
        LibraryFixture library = school("th-roll");
        String titleId = library.title("Dế Mèn phiêu lưu ký");
        library.copy("RL-1", titleId);

        ApiClient.Answer accepted = rollover("th-roll", "2027-2028", ROLLOVER, "Idempotency-Key", "len-lop-2027");
        JsonNode job = finished(accepted);

        assertThat(job.path("kind").asString()).isEqualTo("ROLLOVER");
        // a class opened, two students moved, two graduated, and the two old classes they left closed
        assertThat(counts(job)).as(job.toString()).containsExactly(7, 1, 6, 0, 0);
        assertThat(job.path("processed").asInt()).isEqualTo(7);
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
        // the graduate leaves on the new year's first day: until then they borrow, the loan due before it
        ApiClient.Answer lent = library.expect(201, library.checkOut("RL-1", "hs-an"));
        assertThat(LocalDate.parse(lent.text("dueOn"))).isBefore(LocalDate.of(2027, 9, 6));

        ApiClient.Answer replayed = rollover("th-roll", "2027-2028", ROLLOVER, "Idempotency-Key", "len-lop-2027");
        assertThat(replayed.status()).isEqualTo(202);
        assertThat(replayed.header("Idempotent-Replayed")).hasValue("true");
        assertThat(replayed.text("importId")).isEqualTo(accepted.text("importId"));

        // a year is rolled over once: another request (no key, or another key) is refused and changes nothing
        long events = events("th-roll");
        ApiClient.Answer again = rollover("th-roll", "2027-2028", ROLLOVER);
        LibraryFixture.refused(again, 409, "ROLLOVER_ALREADY_DONE");
        // who asked for the year's rollover and when, not its job's id
        assertThat(again.text("detail")).contains("2027-2028").contains("do tài khoản "
                + api.get("/api/v1/schools/th-roll/school-years/2027-2028/rollover").text("requestedBy"))
                .doesNotContain(accepted.text("importId"));
        ApiClient.Answer otherKey = rollover("th-roll", "2027-2028", ROLLOVER, "Idempotency-Key", "len-lop-lan-hai",
                "Accept-Language", "en");
        LibraryFixture.refused(otherKey, 409, "ROLLOVER_ALREADY_DONE");
        assertThat(otherKey.text("detail")).contains("was already rolled over").contains("2027-2028").contains("asked for by the account")
                .containsPattern("at \\d{2}:\\d{2}, \\d{1,2} [A-Z][a-z]+ \\d{4}\\)");
        assertThat(rollover("th-roll", "2027-2028", ROLLOVER, "Idempotency-Key", "len-lop-2027").text("importId"))
                .isEqualTo(accepted.text("importId"));
        assertThat(jdbc.sql("select count(*) from cmd_import_job where school_id = 'th-roll'").query(Long.class).single()).isEqualTo(1);
        assertThat(events("th-roll")).isEqualTo(events);

        // what the page shows before a plan is built: when, by whom, how many moved and graduated
        ApiClient.Answer done = api.get("/api/v1/schools/th-roll/school-years/2027-2028/rollover");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.text("importId")).isEqualTo(accepted.text("importId"));
        assertThat(done.text("status")).isEqualTo("SUCCEEDED");
        assertThat(done.text("fromSchoolYear")).isEqualTo("2026-2027");
        assertThat(done.text("requestedBy")).isNotBlank();
        assertThat(done.text("finishedAt")).isEqualTo(job.path("finishedAt").asString());
        assertThat(List.of(done.json().path("classesOpened").asInt(), done.json().path("studentsMoved").asInt(),
                done.json().path("studentsGraduated").asInt())).containsExactly(1, 2, 2);
        LibraryFixture.refused(api.get("/api/v1/schools/th-roll/school-years/2028-2029/rollover"), 404, "ROLLOVER_NOT_FOUND");
    }

    /**
     * The old year's classes a rollover moved or graduated are closed from the day after that
     * year's last day (31/05/2027), so they no longer look open in the new year; a class it left
     * out stays open; memberships stay as they were. Resumed after a restart from before its
     * closing steps, it closes nothing twice and succeeds.
     */
    @Test
    void theOldYearsClassesItEmptiedCloseOnceAndThoseLeftOutStayOpen() {
        LibraryFixture library = school("th-roll-close");
        library.expect(201, api.put(library.base() + "/classes/3a1", "{\"name\":\"3A1\",\"grade\":3,\"schoolYear\":\"2026-2027\"}"));
        library.patron("hs-e", "Đỗ Văn Em", "STUDENT", "3a1");
        SchoolId school = SchoolId.of("th-roll-close");

        JsonNode job = finished(rollover("th-roll-close", "2027-2028", ROLLOVER));

        assertThat(counts(job)).as(job.toString()).containsExactly(7, 1, 6, 0, 0);
        Map<String, PatronLookups.RosterClass> classes = patrons.rosterClasses(school, List.of("4a1", "5a4", "3a1", "5a1-2728"));
        assertThat(classes.get("4a1").closedOn()).isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(classes.get("5a4").closedOn()).isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(classes.get("3a1").closedOn()).isNull();
        assertThat(classes.get("5a1-2728").closedOn()).isNull();
        // closing moves nobody: the old class's roster on the old year's last day is as it was
        assertThat(patrons.studentsOfClassOn(school, ClassId.of("4a1"), LocalDate.of(2027, 5, 31)))
                .containsExactlyInAnyOrder(PatronId.of("hs-c"), PatronId.of("hs-d"));
        assertThat(patrons.memberOn(school, PatronId.of("hs-e"), LocalDate.of(2027, 9, 6)).orElseThrow().classId())
                .isEqualTo(ClassId.of("3a1"));
        assertThat(classClosings("th-roll-close")).isEqualTo(2);
        // closed, the old class takes no new member from that day
        LibraryFixture.refused(api.post(library.base() + "/patrons/hs-e/class-moves",
                "{\"toClassId\":\"4a1\",\"effectiveOn\":\"2027-06-01\"}"), 409, "CLASS_CLOSED");

        // the process stopped after its students' steps: resumed, its closing steps find the classes closed
        UUID jobId = UUID.fromString(job.path("importId").asString());
        jdbc.sql("""
                        update cmd_import_job set status = 'RUNNING', finished_at = null, processed = 5, updated = 4
                        where import_id = ?""").param(jobId).update();
        runner.submit(jobId);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> "SUCCEEDED".equals(api.get("/api/v1/schools/th-roll-close/imports/" + jobId).text("status")));
        JsonNode resumed = api.get("/api/v1/schools/th-roll-close/imports/" + jobId).json();
        assertThat(counts(resumed)).as(resumed.toString()).containsExactly(7, 1, 4, 2, 0);
        assertThat(classClosings("th-roll-close")).isEqualTo(2);
        assertThat(patrons.rosterClasses(school, List.of("4a1")).get("4a1").closedOn()).isEqualTo(LocalDate.of(2027, 6, 1));
    }

    private long classClosings(String school) {
        return jdbc.sql("select count(*) from domainevententry where payloadtype like '%.ClassClosed' and payload like ?")
                .param("%\"schoolId\":\"" + school + "\"%").query(Long.class).single();
    }

    @Test
    void aRolloverThatFailedDoesNotStandInTheWayOfItsCorrectedRetry() {
        school("th-roll-retry");
        JsonNode first = finished(rollover("th-roll-retry", "2027-2028", ROLLOVER, "Idempotency-Key", "lan-mot"));
        // a job fails when what it stored cannot be read or a process stops it for good; the API cannot make one fail
        jdbc.sql("update cmd_import_job set status = 'FAILED' where import_id = ?")
                .param(UUID.fromString(first.path("importId").asString())).update();
        LibraryFixture.refused(api.get("/api/v1/schools/th-roll-retry/school-years/2027-2028/rollover"), 404, "ROLLOVER_NOT_FOUND");

        ApiClient.Answer retried = rollover("th-roll-retry", "2027-2028", ROLLOVER, "Idempotency-Key", "lan-hai");
        JsonNode second = finished(retried);
        assertThat(second.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(api.get("/api/v1/schools/th-roll-retry/school-years/2027-2028/rollover").text("importId"))
                .isEqualTo(retried.text("importId"));
        LibraryFixture.refused(rollover("th-roll-retry", "2027-2028", ROLLOVER, "Idempotency-Key", "lan-ba"), 409,
                "ROLLOVER_ALREADY_DONE");
    }

    @Test
    void aKeyRefusedWhileTheYearStoodRolledOverKeepsItsRefusalOnceThatRolloverFailed() {
        school("th-roll-kept");
        JsonNode standing = finished(rollover("th-roll-kept", "2027-2028", ROLLOVER, "Idempotency-Key", "lan-mot"));
        ApiClient.Answer refused = rollover("th-roll-kept", "2027-2028", ROLLOVER, "Idempotency-Key", "xac-nhan");
        LibraryFixture.refused(refused, 409, "ROLLOVER_ALREADY_DONE");
        String requestedBy = api.get("/api/v1/schools/th-roll-kept/school-years/2027-2028/rollover").text("requestedBy");
        assertThat(refused.text("detail")).contains("do tài khoản " + requestedBy + " yêu cầu lúc ");

        // the standing rollover fails: the year is free again, but the key keeps its first answer
        jdbc.sql("update cmd_import_job set status = 'FAILED' where import_id = ?")
                .param(UUID.fromString(standing.path("importId").asString())).update();
        ApiClient.Answer again = rollover("th-roll-kept", "2027-2028", ROLLOVER, "Idempotency-Key", "xac-nhan");
        LibraryFixture.refused(again, 409, "ROLLOVER_ALREADY_DONE");
        assertThat(again.text("detail")).isEqualTo(refused.text("detail"));
        LibraryFixture.refused(rollover("th-roll-kept", "2027-2028", ROLLOVER.replace("\"graduatingGrades\":[5]", "\"graduatingGrades\":[]"),
                "Idempotency-Key", "xac-nhan"), 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(jdbc.sql("select count(*) from cmd_import_job where school_id = 'th-roll-kept'").query(Long.class).single()).isEqualTo(1);
        // another key rolls the year over
        assertThat(finished(rollover("th-roll-kept", "2027-2028", ROLLOVER, "Idempotency-Key", "lan-hai")).path("status").asString())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void aPlanRefusedUnderAKeyKeepsItsRefusalOnceTheSchoolIsMended() {
        LibraryFixture library = school("th-roll-mend");
        String plan = """
                {"fromSchoolYear":"2026-2027","classes":[{"fromClassId":"4a9","toClassId":"5a9-2728","name":"5A9","grade":5}]}""";
        LibraryFixture.refused(rollover("th-roll-mend", "2027-2028", plan, "Idempotency-Key", "ke-hoach"), 404, "CLASS_NOT_FOUND");

        // the class is made afterwards: the key keeps its first answer, another key rolls the year over
        library.expect(201, api.put(library.base() + "/classes/4a9", "{\"name\":\"4A9\",\"grade\":4,\"schoolYear\":\"2026-2027\"}"));
        LibraryFixture.refused(rollover("th-roll-mend", "2027-2028", plan, "Idempotency-Key", "ke-hoach"), 404, "CLASS_NOT_FOUND");
        LibraryFixture.refused(rollover("th-roll-mend", "2027-2028", plan.replace("\"5A9\"", "\"5A Chín\""), "Idempotency-Key", "ke-hoach"),
                422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(finished(rollover("th-roll-mend", "2027-2028", plan, "Idempotency-Key", "ke-hoach-2")).path("status").asString())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void aGraduatingStudentSentAgainAsTheyAreKeepsTheirGraduation() {
        school("th-roll-left");
        finished(rollover("th-roll-left", "2027-2028", ROLLOVER, "Idempotency-Key", "len-lop"));
        long before = events("th-roll-left");

        // the roster sent again after the rollover, before the new year begins: 5A4 graduates on its first day
        ApiClient.Answer again = api.put("/api/v1/schools/th-roll-left/patrons/hs-an",
                "{\"fullName\":\"Nguyễn Văn An\",\"category\":\"STUDENT\",\"classId\":\"5a4\"}");

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(events("th-roll-left")).as("no PatronRejoined before the departure").isEqualTo(before);
        // and the roster workbook sent again finds them unchanged
        JsonNode roster = Uploads.finished(api, Uploads.upload(port, "th-roll-left", "ban-doc.csv", """
                Mã bạn đọc,Họ và tên,Đối tượng,Lớp
                hs-an,Nguyễn Văn An,Học sinh,5a4
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("kind", "PATRONS"))).json();
        assertThat(counts(roster)).as(roster.toString()).containsExactly(1, 0, 0, 1, 0);
        assertThat(events("th-roll-left")).isEqualTo(before);
    }

    @Test
    void twoRolloversOfAYearAskedForAtOnceStartOneJob() {
        school("th-roll-race");
        List<CompletableFuture<ApiClient.Answer>> asked = IntStream.range(0, 4)
                .mapToObj(n -> CompletableFuture.supplyAsync(() -> rollover("th-roll-race", "2027-2028", ROLLOVER,
                        "Idempotency-Key", "cung-luc-" + n)))
                .toList();
        List<Integer> statuses = asked.stream().map(CompletableFuture::join).map(ApiClient.Answer::status).toList();

        assertThat(statuses).as(statuses.toString()).containsOnly(202, 409).containsOnlyOnce(202);
        assertThat(jdbc.sql("select count(*) from cmd_import_job where school_id = 'th-roll-race'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void classesMergedIntoOneNewClassMustNameItAlike() {
        LibraryFixture library = school("th-roll-merge");
        library.expect(201, api.put(library.base() + "/classes/4a2", "{\"name\":\"4A2\",\"grade\":4,\"schoolYear\":\"2026-2027\"}"));
        library.patron("hs-e", "Đỗ Văn Em", "STUDENT", "4a2");
        library.expect(201, api.put(library.base() + "/classes/5b-2728", "{\"name\":\"5B\",\"grade\":5,\"schoolYear\":\"2027-2028\"}"));
        long events = events("th-roll-merge");

        ApiClient.Answer names = rollover("th-roll-merge", "2027-2028", """
                {"fromSchoolYear":"2026-2027","classes":[{"fromClassId":"4a1","toClassId":"5a-2728","name":"5A","grade":5},
                 {"fromClassId":"4a2","toClassId":"5a-2728","name":"5B","grade":5}]}""");
        LibraryFixture.refused(names, 400, "VALIDATION_FAILED");
        JsonNode nameError = names.json().path("errors").get(0);
        assertThat(nameError.path("field").asString()).isEqualTo("classes[1].name");
        assertThat(nameError.path("message").asString()).contains("4A1").contains("4A2").contains("5A").contains("5B");
        ApiClient.Answer grades = rollover("th-roll-merge", "2027-2028", """
                {"fromSchoolYear":"2026-2027","classes":[{"fromClassId":"4a1","toClassId":"5a-2728","name":"5A","grade":5},
                 {"fromClassId":"4a2","toClassId":"5a-2728","name":"5a","grade":4}]}""");
        LibraryFixture.refused(grades, 400, "VALIDATION_FAILED");
        assertThat(grades.json().path("errors")).hasSize(1);
        assertThat(grades.json().path("errors").get(0).path("field").asString()).isEqualTo("classes[1].grade");
        // a class the new year has already, named otherwise
        ApiClient.Answer existing = rollover("th-roll-merge", "2027-2028", """
                {"fromSchoolYear":"2026-2027","classes":[{"fromClassId":"4a1","toClassId":"5b-2728","name":"5C","grade":5}]}""");
        LibraryFixture.refused(existing, 409, "ROLLOVER_CLASS_DETAILS_DIFFER");
        assertThat(existing.text("detail")).contains("5b-2728").contains("5B").contains("5C").contains("4A1");
        assertThat(jdbc.sql("select count(*) from cmd_import_job where school_id = 'th-roll-merge'").query(Long.class).single()).isZero();
        assertThat(events("th-roll-merge")).isEqualTo(events);
        // a class the new year has already without a grade: said in words, not "khối null"
        library.expect(201, api.put(library.base() + "/classes/5x-2728", "{\"name\":\"5X\",\"grade\":5,\"schoolYear\":\"2027-2028\"}"));
        // as a class opened before grades were kept (command migration V8) stands; the API now asks for one
        jdbc.sql("update cmd_class set grade = null where school_id = 'th-roll-merge' and class_id = '5x-2728'").update();
        ApiClient.Answer ungraded = rollover("th-roll-merge", "2027-2028", """
                {"fromSchoolYear":"2026-2027","classes":[{"fromClassId":"4a1","toClassId":"5x-2728","name":"5Y","grade":5}]}""");
        LibraryFixture.refused(ungraded, 409, "ROLLOVER_CLASS_DETAILS_DIFFER");
        assertThat(ungraded.text("detail")).contains("tên 5X, chưa có khối").contains("5Y, khối 5").doesNotContain("null");

        // two classes merged into one alike: schools do
        JsonNode merged = finished(rollover("th-roll-merge", "2027-2028", """
                {"fromSchoolYear":"2026-2027","classes":[{"fromClassId":"4a1","toClassId":"5a-2728","name":"5A","grade":5},
                 {"fromClassId":"4a2","toClassId":"5a-2728","name":"5A","grade":5}]}"""));
        assertThat(counts(merged)).as(merged.toString()).containsExactly(6, 1, 5, 0, 0);
        assertThat(patrons.studentsOfClassOn(SchoolId.of("th-roll-merge"), ClassId.of("5a-2728"), LocalDate.of(2027, 9, 6)))
                .containsExactlyInAnyOrder(PatronId.of("hs-c"), PatronId.of("hs-d"), PatronId.of("hs-e"));
    }

    @Test
    void aNewClassWithoutItsGradeIsNamedAsTheLibrarianKnowsIt() {
        school("th-roll-grade");
        ApiClient.Answer noGrade = rollover("th-roll-grade", "2027-2028", """
                {"fromSchoolYear":"2026-2027","classes":[{"fromClassId":"4a1","toClassId":"5a1-2728","name":"5A1"}]}""");
        LibraryFixture.refused(noGrade, 400, "VALIDATION_FAILED");
        JsonNode error = noGrade.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("classes[0].grade");
        assertThat(error.path("message").asString()).contains("Lớp 5A1").contains("4A1").contains("chưa có khối")
                .doesNotContain("classes[").doesNotContain("grade");
        ApiClient.Answer english = rollover("th-roll-grade", "2027-2028", """
                {"fromSchoolYear":"2026-2027","classes":[{"fromClassId":"4a1","toClassId":"5a1-2728","grade":5}]}""",
                "Accept-Language", "en");
        JsonNode noName = english.json().path("errors").get(0);
        assertThat(noName.path("field").asString()).isEqualTo("classes[0].name");
        assertThat(noName.path("message").asString()).contains("5a1-2728").contains("4A1").contains("has no name");
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
                {"fromSchoolYear":"2026-2027","graduatingGrades":[5],"classes":[{"fromClassId":"5a4","toClassId":"5a9","name":"5A9","grade":5}]}"""),
                409, "ROLLOVER_CLASS_GRADUATES");
        // a primary school has no grade 6 to open, nor a grade 9 to graduate: refused before anything is kept, as the
        // rollover is carried out once
        ApiClient.Answer notTaught = rollover("th-roll-bad", "2027-2028", """
                {"fromSchoolYear":"2026-2027","graduatingGrades":[9],"classes":[{"fromClassId":"5a4","toClassId":"6a4","name":"6A4","grade":6}]}""");
        LibraryFixture.refused(notTaught, 400, "VALIDATION_FAILED");
        assertThat(notTaught.json().path("errors").findValuesAsString("field")).containsExactly("graduatingGrades[0]", "classes[0].grade");
        assertThat(notTaught.json().path("errors").get(1).path("message").asString())
                .isEqualTo("Trường không có khối 6 (theo cấp học của trường, các khối là 1–5).");
        // a class set up alone is held to the same grades
        LibraryFixture.refused(api.put("/api/v1/schools/th-roll-bad/classes/6a1", "{\"name\":\"6A1\",\"grade\":6,\"schoolYear\":\"2027-2028\"}"),
                409, "GRADE_NOT_TAUGHT");
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
