package vn.motsach.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * Roster imports (patrons and classes) from workbooks: the commands of the single requests, a
 * patron matched by Mã bạn đọc and a class by Mã lớp, a re-import that changes nothing, a dry run.
 */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motsach.circulation.sweep-interval=1h")
class RosterImportIT {

    private static final String CLASSES = """
            Mã lớp,Tên lớp,Khối,Năm học,GVCN
            4a1,Lớp 4A1,4,2026-2027,gv-lan
            5a1,Lớp 5A1,Khối 5,2026 – 2027,
            5a9,Lớp 5A9,mười ba,2026-2027,
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void classesThenPatronsGoInAsTheSingleRequestsAndTheSameFilesAgainChangeNothing() throws IOException {
        LibraryFixture.primarySchool(api, "th-roster");
        JsonNode classes = finished(upload("th-roster", "lop.csv", CLASSES.getBytes(StandardCharsets.UTF_8), "CLASSES"));
        assertThat(counts(classes)).as(classes.toString()).containsExactly(3, 2, 0, 0, 1);
        assertThat(classes.path("errors").get(0).path("code").asString()).isEqualTo("GRADE_INVALID");
        assertThat(classes.path("errors").get(0).path("row").asInt()).isEqualTo(4);
        JsonNode opened = event("ClassOpened", "classId", "5a1");
        assertThat(opened.path("grade").asInt()).isEqualTo(5);
        assertThat(opened.path("schoolYear").asString()).isEqualTo("2026-2027");
        // gv-lan is not one of the school's patrons yet (patrons come after the classes): the class keeps the id, and the librarian is told
        assertThat(event("ClassOpened", "classId", "4a1").path("homeroomTeacherId").asString()).isEqualTo("gv-lan");
        assertThat(classes.path("warnings").findValuesAsString("code")).containsExactly("HOMEROOM_TEACHER_NOT_FOUND");
        assertThat(classes.path("warnings").get(0).path("message").asString()).contains("gv-lan");

        byte[] patrons = patrons(
                List.of("hs-an", "Nguyễn Văn An", "Học sinh", "5a4"),
                List.of("hs-moi", Normalizer.normalize("Lê Thị Mới", Normalizer.Form.NFD), "Học sinh", "5a1"),
                List.of("gv-lan", "Phạm Thị Lan", "Giáo viên", ""),
                List.of("hs-lac", "Đỗ Văn Lạc", "Học sinh", "9z"),
                List.of("hs-x", "Hồ Văn X", "Phụ huynh", "5a1"));
        JsonNode first = finished(upload("th-roster", "ban-doc.xlsx", patrons, "PATRONS"));

        assertThat(first.path("format").asString()).isEqualTo("XLSX");
        assertThat(counts(first)).as(first.toString()).containsExactly(5, 2, 0, 1, 2);
        assertThat(first.path("errors").findValuesAsString("code")).containsExactly("CLASS_NOT_FOUND", "CATEGORY_INVALID");
        assertThat(first.path("errors").get(0).path("message").asString()).contains("9z");
        JsonNode registered = event("PatronRegistered", "patronId", "hs-moi");
        assertThat(registered.path("fullName").asString()).isEqualTo("Lê Thị Mới");
        assertThat(registered.path("classId").asString()).isEqualTo("5a1");
        assertThat(event("PatronRegistered", "patronId", "gv-lan").path("category").asString()).isEqualTo("TEACHER");
        assertThat(jdbc.sql("""
                        select metadata from domainevententry where payloadtype like '%.PatronRegistered'
                        and payload::jsonb ->> 'patronId' = 'hs-moi' and payload like '%th-roster%'""")
                .query(String.class).single()).contains(first.path("importId").asString());

        // with gv-lan imported, the same classes again change nothing and warn of nothing
        JsonNode again = finished(upload("th-roster", "lop.csv", CLASSES.getBytes(StandardCharsets.UTF_8), "CLASSES"));
        assertThat(counts(again)).as(again.toString()).containsExactly(3, 0, 0, 2, 1);
        assertThat(again.path("warnings").size()).isZero();
        assertThat(events("ClassDetailsChanged")).isZero();
        JsonNode patronsAgain = finished(upload("th-roster", "ban-doc.xlsx", patrons, "PATRONS"));
        assertThat(counts(patronsAgain)).as(patronsAgain.toString()).containsExactly(5, 0, 0, 3, 2);
        assertThat(events("PatronRegistered")).isEqualTo(4);
        assertThat(events("PatronDetailsChanged") + events("PatronMovedToClass")).isZero();

        byte[] changed = patrons(
                List.of("hs-an", "Nguyễn Văn Ân", "Học sinh", "5a4"),
                List.of("hs-moi", "Lê Thị Mới", "Học sinh", "4a1"),
                List.of("gv-lan", "Phạm Thị Lan", "Giáo viên", ""));
        JsonNode updated = finished(upload("th-roster", "ban-doc-moi.xlsx", changed, "PATRONS"));
        assertThat(counts(updated)).as(updated.toString()).containsExactly(3, 0, 2, 1, 0);
        assertThat(event("PatronDetailsChanged", "patronId", "hs-an").path("fullName").asString()).isEqualTo("Nguyễn Văn Ân");
        assertThat(event("PatronMovedToClass", "patronId", "hs-moi").path("toClassId").asString()).isEqualTo("4a1");

        // 4A1's homeroom teacher in a students' file: she goes in as the file says, and the librarian is told
        JsonNode teacherAsStudent = finished(upload("th-roster", "hoc-sinh.xlsx",
                patrons(List.of("gv-lan", "Phạm Thị Lan", "Học sinh", "4a1")), "PATRONS"));
        assertThat(counts(teacherAsStudent)).as(teacherAsStudent.toString()).containsExactly(1, 0, 1, 0, 0);
        assertThat(teacherAsStudent.path("warnings").findValuesAsString("code")).containsExactly("PATRON_BECOMES_STUDENT");
        assertThat(teacherAsStudent.path("warnings").get(0).path("message").asString())
                .startsWith("Bạn đọc Phạm Thị Lan (gv-lan) trước đây là giáo viên");

        // two new ids of one file differing only by case are two patrons, and the second row says so
        JsonNode twins = finished(upload("th-roster", "ban-doc-2.xlsx", patrons(List.of("hs-tw", "Vũ Thị Tư", "Học sinh", "4a1"),
                List.of("HS-TW", "Vũ Thị Tư", "Học sinh", "4a1")), "PATRONS"));
        assertThat(counts(twins)).as(twins.toString()).containsExactly(2, 2, 0, 0, 0);
        assertThat(twins.path("warnings").findValuesAsString("code")).containsExactly("PATRON_NEW_CASE_DIFFERS");
        assertThat(twins.path("warnings").get(0).path("message").asString()).contains("Vũ Thị Tư (hs-tw)");
    }

    @Test
    void aDryRunCountsWhatWouldHappenAndChangesNothing() throws IOException {
        LibraryFixture.primarySchool(api, "th-roster-dry");
        long before = jdbc.sql("select count(*) from domainevententry").query(Long.class).single();
        byte[] patrons = patrons(
                List.of("hs-an", "Nguyễn Văn An", "Học sinh", "5a4"),
                List.of("hs-binh", "Trần Thị Bình Minh", "Học sinh", "5a4"),
                List.of("hs-moi", "Lê Thị Mới", "Học sinh", "5a4"),
                List.of("hs-moi", "Lê Thị Mới", "Học sinh", "5a4"),
                List.of("hs-lac", "Đỗ Văn Lạc", "Học sinh", "9z"));

        JsonNode dry = finished(api.upload("/api/v1/schools/th-roster-dry/imports", "ban-doc.xlsx", patrons,
                Map.of("kind", "PATRONS", "dryRun", "true")));

        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        // the history says which jobs were dry runs, as the web app's list shows them
        JsonNode listed = api.get("/api/v1/schools/th-roster-dry/imports").json().path("items").get(0);
        assertThat(listed.path("importId").asString()).isEqualTo(dry.path("importId").asString());
        assertThat(listed.path("dryRun").asBoolean()).isTrue();
        // hs-moi's second row is rejected as repeated, as a real run rejects it
        assertThat(counts(dry)).as(dry.toString()).containsExactly(5, 1, 1, 1, 2);
        assertThat(jdbc.sql("select count(*) from domainevententry").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from cmd_patron where school_id = 'th-roster-dry'").query(Long.class).single())
                .isEqualTo(2);
    }

    /**
     * A file naming one class or reader on two rows says two things of them: the first row goes in,
     * the second is rejected naming the row it repeats, in a dry run as in the real one.
     */
    @Test
    void aFileNamingOneClassOrReaderTwiceTakesTheFirstRowAndRejectsTheSecond() throws IOException {
        LibraryFixture.primarySchool(api, "th-roster-twice");
        byte[] classes = """
                Mã lớp,Tên lớp,Khối,Năm học,GVCN
                3a1,Lớp 3A1,3,2026-2027,
                3a2,Lớp 3A2,3,2026-2027,
                3a1,Lớp 3A (mới),3,2026-2027,
                """.getBytes(StandardCharsets.UTF_8);

        JsonNode classJob = finished(upload("th-roster-twice", "lop.csv", classes, "CLASSES"));

        assertThat(counts(classJob)).as(classJob.toString()).containsExactly(3, 2, 0, 0, 1);
        JsonNode repeatedClass = classJob.path("errors").get(0);
        assertThat(repeatedClass.path("code").asString()).isEqualTo("CLASS_REPEATED_IN_FILE");
        assertThat(repeatedClass.path("row").asInt()).isEqualTo(4);
        assertThat(repeatedClass.path("field").asString()).isEqualTo("classId");
        assertThat(repeatedClass.path("fieldLabel").asString()).isEqualTo("Mã lớp");
        assertThat(repeatedClass.path("message").asString()).contains("3a1").contains("dòng 2");
        assertThat(jdbc.sql("select name from cmd_class where school_id = 'th-roster-twice' and class_id = '3a1'")
                .query(String.class).single()).isEqualTo("Lớp 3A1");

        byte[] patrons = patrons(
                List.of("hs-tu", "Ngô Văn Tú", "Học sinh", "3a1"),
                List.of("hs-nam", "Lý Văn Nam", "Học sinh", "3a2"),
                List.of("hs-tu", "Ngô Văn Tư", "Học sinh", "3a2"));
        JsonNode dry = finished(api.upload("/api/v1/schools/th-roster-twice/imports", "ban-doc.xlsx", patrons,
                Map.of("kind", "PATRONS", "dryRun", "true")));
        JsonNode real = finished(upload("th-roster-twice", "ban-doc.xlsx", patrons, "PATRONS"));

        for (JsonNode job : List.of(dry, real)) {
            assertThat(counts(job)).as(job.toString()).containsExactly(3, 2, 0, 0, 1);
            JsonNode repeated = job.path("errors").get(0);
            assertThat(repeated.path("code").asString()).isEqualTo("PATRON_REPEATED_IN_FILE");
            assertThat(repeated.path("row").asInt()).isEqualTo(4);
            assertThat(repeated.path("fieldLabel").asString()).isEqualTo("Mã bạn đọc");
            assertThat(repeated.path("message").asString()).contains("hs-tu").contains("dòng 2");
        }
        assertThat(jdbc.sql("select full_name from cmd_patron where school_id = 'th-roster-twice' and patron_id = 'hs-tu'")
                .query(String.class).single()).isEqualTo("Ngô Văn Tú");
    }

    /**
     * A lower secondary (THCS) school moving in (a tester's findings): a grade it does not teach
     * rejects the class; a homeroom teacher who is not one of its patrons, or is a student, is
     * dropped with a warning naming them; an id differing only by case from one the school has is
     * not matched, but the message says which was meant.
     */
    @Test
    void aLowerSecondarySchoolsRosterIsCheckedForItsGradesTeachersAndIdsDifferingInCase() throws IOException {
        LibraryFixture school = new LibraryFixture(api, "thcs-roster");
        school.expect(201, api.put(school.base(), """
                {"name":"Trường THCS Thử","educationLevels":["LOWER_SECONDARY"],"authorityId":"xa-thu-nghiem"}"""));
        school.expect(201, api.put(school.base() + "/school-years/2026-2027", """
                {"startsOn":"2026-09-05","endsOn":"2027-05-31",
                 "semesters":[{"number":1,"startsOn":"2026-09-05","endsOn":"2027-01-17"},
                              {"number":2,"startsOn":"2027-01-18","endsOn":"2027-05-31"}],
                 "closedDays":[]}"""));
        school.expect(201, api.put(school.base() + "/classes/6A1", "{\"name\":\"Lớp 6A1\",\"grade\":6,\"schoolYear\":\"2026-2027\"}"));
        school.expect(201, api.put(school.base() + "/classes/7B1", "{\"name\":\"7B1\",\"grade\":7,\"schoolYear\":\"2026-2027\"}"));
        school.patron("gv-ha", "Vũ Thu Hà", "TEACHER", null);
        school.patron("hs-minh", "Đặng Văn Minh", "STUDENT", "6A1");
        byte[] classes = """
                Mã lớp,Tên lớp,Khối,Năm học,GVCN
                6a2,Lớp 6A2,6,2026-2027,gv-ha
                3a1,Lớp 3A1,3,2026-2027,
                7a1,Lớp 7A1,7,2026-2027,gv-khong-co
                7a2,Lớp 7A2,7,2026-2027,hs-minh
                8a1,Lớp 8A1,8,2026-2027,GV-HA
                7b1,Lớp 7B1,7,2026-2027,
                """.getBytes(StandardCharsets.UTF_8);

        JsonNode job = finished(upload("thcs-roster", "lop.csv", classes, "CLASSES"));

        assertThat(counts(job)).as(job.toString()).containsExactly(6, 5, 0, 0, 1);
        JsonNode grade = job.path("errors").get(0);
        assertThat(grade.path("code").asString()).isEqualTo("GRADE_NOT_TAUGHT");
        assertThat(grade.path("row").asInt()).isEqualTo(3);
        assertThat(grade.path("fieldLabel").asString()).isEqualTo("Khối");
        assertThat(grade.path("message").asString()).contains("khối 3").contains("khối 6–9");
        JsonNode warnings = job.path("warnings");
        assertThat(warnings.findValuesAsString("code")).containsExactly("HOMEROOM_TEACHER_NOT_FOUND",
                "HOMEROOM_TEACHER_IS_STUDENT", "HOMEROOM_TEACHER_CASE_DIFFERS", "CLASS_NEW_CASE_DIFFERS");
        assertThat(warnings.findValuesAsString("fieldLabel")).containsExactly("GVCN", "GVCN", "GVCN", "Mã lớp");
        // 7b1 is opened as its id says, and the librarian is told of 7B1
        assertThat(warnings.get(3).path("message").asString()).contains("lớp 7B1 (mã 7B1, năm học 2026-2027)")
                .contains("có phải là 7B1?");
        assertThat(warnings.get(0).path("message").asString()).contains("gv-khong-co");
        // the student named as the librarian knows them, the id in parentheses
        assertThat(warnings.get(1).path("message").asString()).startsWith("Đặng Văn Minh (hs-minh) là học sinh");
        assertThat(warnings.get(2).path("message").asString()).contains("GV-HA, có phải là gv-ha?");
        JsonNode english = api.get("/api/v1/schools/thcs-roster/imports/" + job.path("importId").asString(), "Accept-Language", "en")
                .json();
        assertThat(english.path("errors").get(0).path("message").asString()).contains("no grade 3").contains("grades are 6–9");
        assertThat(english.path("warnings").get(1).path("message").asString()).startsWith("Đặng Văn Minh (hs-minh) is a student");
        assertThat(english.path("warnings").get(2).path("message").asString()).contains("did you mean gv-ha?");
        assertThat(jdbc.sql("""
                        select class_id || ':' || coalesce(homeroom_teacher_id, '-') from cmd_class
                        where school_id = 'thcs-roster' and class_id not in ('6A1', '7B1') order by class_id""")
                .query(String.class).list()).containsExactly("6a2:gv-ha", "7a1:gv-khong-co", "7a2:-", "7b1:-", "8a1:-");

        byte[] patrons = patrons(List.of("hs-moi", "Lê Thị Mới", "Học sinh", "6a1"), List.of("hs-lac", "Đỗ Văn Lạc", "Học sinh", "9z"),
                List.of("HS-MINH", "Đặng Văn Minh", "Học sinh", "6A1"));
        JsonNode patronJob = finished(upload("thcs-roster", "ban-doc.xlsx", patrons, "PATRONS"));

        assertThat(counts(patronJob)).as(patronJob.toString()).containsExactly(3, 1, 0, 0, 2);
        assertThat(patronJob.path("errors").findValuesAsString("code")).containsExactly("CLASS_ID_CASE_DIFFERS", "CLASS_NOT_FOUND");
        assertThat(patronJob.path("errors").get(0).path("message").asString()).contains("6a1, có phải là 6A1?");
        // HS-MINH is registered as its id says, and the librarian is told of hs-minh
        assertThat(patronJob.path("warnings").findValuesAsString("code")).containsExactly("PATRON_NEW_CASE_DIFFERS");
        assertThat(patronJob.path("warnings").get(0).path("message").asString()).contains("Đặng Văn Minh (hs-minh)")
                .contains("có phải là hs-minh?");

        // the school declared primary grades too: the grade 3 class goes in
        school.expect(200, api.put(school.base(), """
                {"name":"Trường TH và THCS Thử","educationLevels":["PRIMARY","LOWER_SECONDARY"],"authorityId":"xa-thu-nghiem"}"""));
        JsonNode again = finished(upload("thcs-roster", "lop.csv", classes, "CLASSES"));
        assertThat(counts(again)).as(again.toString()).containsExactly(6, 1, 0, 5, 0);
        // a GVCN dropped (no id) leaves the class the teacher it had
        JsonNode mistyped = finished(upload("thcs-roster", "lop.csv",
                "Mã lớp,Tên lớp,Khối,Năm học,GVCN\n6a2,Lớp 6A2,6,2026-2027,gv ?\n".getBytes(StandardCharsets.UTF_8), "CLASSES"));
        assertThat(counts(mistyped)).as(mistyped.toString()).containsExactly(1, 0, 0, 1, 0);
        assertThat(mistyped.path("warnings").findValuesAsString("code")).containsExactly("HOMEROOM_TEACHER_INVALID");
        assertThat(jdbc.sql("select homeroom_teacher_id from cmd_class where school_id = 'thcs-roster' and class_id = '6a2'")
                .query(String.class).single()).isEqualTo("gv-ha");
    }

    /**
     * Only one of the school's teachers is a class's GVCN: a staff member (a librarian, an
     * accountant) or a student named in PUT classes is refused, and named in a roster row is
     * dropped with a warning, the row still going in; a teacher, or an id the school has no patron
     * for yet (classes go in before patrons), is kept.
     */
    @Test
    void onlyATeacherOfTheSchoolIsAClasssHomeroomTeacher() throws IOException {
        LibraryFixture school = LibraryFixture.primarySchool(api, "th-gvcn");
        school.patron("gv-hoa", "Lê Thị Hoa", "TEACHER", null);
        school.patron("nv-tuan", "Trịnh Văn Tuấn", "STAFF", null);

        ApiClient.Answer staff = api.put(school.base() + "/classes/4a1",
                "{\"name\":\"4A1\",\"grade\":4,\"schoolYear\":\"2026-2027\",\"homeroomTeacherId\":\"nv-tuan\"}");
        LibraryFixture.refused(staff, 409, "HOMEROOM_TEACHER_NOT_TEACHER");
        assertThat(staff.text("detail")).contains("nv-tuan").contains("không phải là giáo viên").contains("4a1");
        assertThat(api.put(school.base() + "/classes/4a1",
                "{\"name\":\"4A1\",\"grade\":4,\"schoolYear\":\"2026-2027\",\"homeroomTeacherId\":\"nv-tuan\"}",
                "Accept-Language", "en").text("detail")).contains("is not one of the school’s teachers");
        LibraryFixture.refused(api.put(school.base() + "/classes/5a4",
                "{\"name\":\"5A4\",\"grade\":5,\"schoolYear\":\"2026-2027\",\"homeroomTeacherId\":\"hs-an\"}"),
                409, "HOMEROOM_TEACHER_NOT_TEACHER");
        // ids match as written: a teacher's id with other capitals is refused naming the teacher's
        ApiClient.Answer capitals = api.put(school.base() + "/classes/4a1",
                "{\"name\":\"4A1\",\"grade\":4,\"schoolYear\":\"2026-2027\",\"homeroomTeacherId\":\"GV-HOA\"}");
        LibraryFixture.refused(capitals, 409, "HOMEROOM_TEACHER_CASE_DIFFERS");
        assertThat(capitals.text("detail")).isEqualTo("Trường không có bạn đọc mã GV-HOA; có phải là gv-hoa? "
                + "Mã được so đúng như đã viết, kể cả chữ hoa, chữ thường.");
        assertThat(jdbc.sql("select count(*) from cmd_class where school_id = 'th-gvcn' and class_id = '4a1'")
                .query(Integer.class).single()).isZero();
        school.expect(201, api.put(school.base() + "/classes/4a1",
                "{\"name\":\"4A1\",\"grade\":4,\"schoolYear\":\"2026-2027\",\"homeroomTeacherId\":\"gv-hoa\"}"));
        school.expect(201, api.put(school.base() + "/classes/4a2",
                "{\"name\":\"4A2\",\"grade\":4,\"schoolYear\":\"2026-2027\",\"homeroomTeacherId\":\"gv-chua-co\"}"));

        byte[] classes = """
                Mã lớp,Tên lớp,Khối,Năm học,GVCN
                4a1,4A1,4,2026-2027,nv-tuan
                4a3,4A3,4,2026-2027,nv-tuan
                """.getBytes(StandardCharsets.UTF_8);
        JsonNode job = finished(upload("th-gvcn", "lop.csv", classes, "CLASSES"));

        assertThat(counts(job)).as(job.toString()).containsExactly(2, 1, 0, 1, 0);
        assertThat(job.path("warnings").findValuesAsString("code"))
                .containsExactly("HOMEROOM_TEACHER_NOT_TEACHER", "HOMEROOM_TEACHER_NOT_TEACHER");
        assertThat(job.path("warnings").get(0).path("message").asString())
                .startsWith("Trịnh Văn Tuấn (nv-tuan) không phải là giáo viên của trường");
        assertThat(api.get("/api/v1/schools/th-gvcn/imports/" + job.path("importId").asString(), "Accept-Language", "en").json()
                .path("warnings").get(0).path("message").asString()).startsWith("Trịnh Văn Tuấn (nv-tuan) is not one of the school’s teachers");
        // the class already there keeps its teacher; the new one has none
        assertThat(jdbc.sql("""
                        select class_id || ':' || coalesce(homeroom_teacher_id, '-') from cmd_class
                        where school_id = 'th-gvcn' and class_id like '4a%' order by class_id""")
                .query(String.class).list()).containsExactly("4a1:gv-hoa", "4a2:gv-chua-co", "4a3:-");
    }

    @Test
    void aMarcFileCannotBringInPatronsOrClasses() {
        LibraryFixture.primarySchool(api, "th-roster-marc");
        byte[] marc = MarcFiles.utf8(List.of(MarcFiles.book("Tắt đèn", "Ngô Tất Tố", null, "1939", "M-1")));

        ApiClient.Answer refused = upload("th-roster-marc", "ban-doc.mrc", marc, "PATRONS");

        LibraryFixture.refused(refused, 400, "IMPORT_FORMAT_NOT_FOR_KIND");
        // the file's format by its name, the kind in words: no code the librarian never typed
        assertThat(refused.text("detail")).contains("MARC21").contains("danh sách bạn đọc").doesNotContain("PATRONS");
        LibraryFixture.refused(upload("th-roster-marc", "lop.xml", "<collection/>".getBytes(StandardCharsets.UTF_8), "CLASSES"),
                400, "IMPORT_FORMAT_NOT_FOR_KIND");
        assertThat(jdbc.sql("select count(*) from cmd_import_job where school_id = 'th-roster-marc'").query(Long.class).single())
                .isZero();
    }

    @Test
    void englishHeadersAreTakenAndHeadersOfAnotherKindAreNot() {
        LibraryFixture.primarySchool(api, "th-roster-en");
        String csv = "\uFEFFClass ID,Class name,Grade,School year,Homeroom teacher\r\n3b,3B,3,2026-2027,gv ?\r\n";

        JsonNode classes = finished(upload("th-roster-en", "classes.csv", csv.getBytes(StandardCharsets.UTF_8), "CLASSES"));

        assertThat(counts(classes)).as(classes.toString()).containsExactly(1, 1, 0, 0, 0);
        assertThat(classes.path("warnings").get(0).path("code").asString()).isEqualTo("HOMEROOM_TEACHER_INVALID");
        JsonNode wrongKind = finished(upload("th-roster-en", "classes.csv", csv.getBytes(StandardCharsets.UTF_8), "PATRONS"));
        assertThat(wrongKind.path("status").asString()).isEqualTo("FAILED");
        assertThat(wrongKind.path("errors").get(0).path("code").asString()).isEqualTo("HEADERS_UNKNOWN");
        assertThat(wrongKind.path("errors").get(0).path("message").asString()).contains("Mã bạn đọc");
    }

    @Test
    void theTemplatesOfClassesAndPatronsImportAsTheyAre() throws IOException {
        LibraryFixture.primarySchool(api, "th-roster-mau");
        ApiClient.Download classes = Uploads.download(port, "/api/v1/import-templates/classes.xlsx");
        ApiClient.Download patrons = Uploads.download(port, "/api/v1/import-templates/patrons.xlsx");

        JsonNode classJob = finished(upload("th-roster-mau", "lop.xlsx", classes.body(), "CLASSES"));
        JsonNode patronJob = finished(upload("th-roster-mau", "ban-doc.xlsx", patrons.body(), "PATRONS"));

        assertThat(counts(classJob)).as(classJob.toString()).containsExactly(1, 1, 0, 0, 0);
        assertThat(counts(patronJob)).as(patronJob.toString()).containsExactly(1, 1, 0, 0, 0);
        // the example's teacher is not one of this school's patrons: the class keeps the id with a warning, as the note says
        assertThat(classJob.path("warnings").findValuesAsString("code")).containsExactly("HOMEROOM_TEACHER_NOT_FOUND");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(classes.body()))) {
            Row headers = workbook.getSheetAt(0).getRow(0);
            assertThat(headers.getCell(2).getCellComment().getString().getString()).contains("THCS 6–9");
            assertThat(headers.getCell(4).getCellComment().getString().getString()).contains("vẫn ghi mã này");
        }
    }

    /** A grade that is a number but none of a school's ("-1", "13") is refused as such, never read as another grade. */
    @Test
    void aNegativeOrTooHighGradeIsRefusedNotReadAsAnother() {
        LibraryFixture.primarySchool(api, "th-khoi-am");
        String classes = "Mã lớp,Tên lớp,Khối,Năm học,GVCN\n1a1,Lớp 1A1,-1,2026-2027,\n1a2,Lớp 1A2,13,2026-2027,\n";

        JsonNode job = finished(upload("th-khoi-am", "lop.csv", classes.getBytes(StandardCharsets.UTF_8), "CLASSES"));

        assertThat(job.path("errors").findValuesAsString("code")).as(job.toString()).containsExactly("GRADE_INVALID", "GRADE_INVALID");
        assertThat(job.path("errors").get(0).path("message").asString()).isEqualTo("Khối \"-1\" không đúng (một số từ 0 đến 12).");
        assertThat(jdbc.sql("select count(*) from domainevententry where payload like '%\"schoolId\":\"th-khoi-am\"%' "
                + "and payload like '%\"classId\":\"1a_\"%' and payloadtype like '%.ClassOpened'").query(Long.class).single()).isZero();
    }

    private static List<Integer> counts(JsonNode job) {
        return List.of(job.path("total").asInt(), job.path("created").asInt(), job.path("updated").asInt(),
                job.path("unchanged").asInt(), job.path("rejected").asInt());
    }

    /** A patrons' workbook with the template's Vietnamese headers. */
    @SafeVarargs
    private static byte[] patrons(List<String>... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Bạn đọc");
            cells(sheet.createRow(0), List.of("Mã bạn đọc", "Họ và tên", "Đối tượng", "Lớp"));
            for (int i = 0; i < rows.length; i++) {
                cells(sheet.createRow(i + 1), rows[i]);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void cells(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty()) {
                row.createCell(i).setCellValue(values.get(i));
            }
        }
    }

    private JsonNode event(String type, String field, String value) {
        String payload = jdbc.sql("""
                        select payload from domainevententry where payload like '%"schoolId":"th-roster"%' and payloadtype like ?
                        and payload::jsonb ->> ? = ? order by globalindex desc limit 1""")
                .params("%." + type, field, value).query(String.class).single();
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(payload);
    }

    private long events(String type) {
        return jdbc.sql("select count(*) from domainevententry where payload like '%\"schoolId\":\"th-roster\"%' and payloadtype like ?")
                .param("%." + type).query(Long.class).single();
    }

    private ApiClient.Answer upload(String school, String name, byte[] file, String kind) {
        return Uploads.upload(port, school, name, file, Map.of("kind", kind));
    }

    private JsonNode finished(ApiClient.Answer accepted) {
        return Uploads.finished(api, accepted).json();
    }
}
