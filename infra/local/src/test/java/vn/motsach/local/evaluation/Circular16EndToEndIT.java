package vn.motsach.local.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.testing.LibraryFixture.refused;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestTokens;

/**
 * Circular 16/2022 end to end on the local application: a primary school's copies per student
 * judged live as copies come and go, its declared profile, its authority's thresholds, the
 * authority's report over its schools, the documents read back against the JSON, and who may
 * read and write what.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Circular16EndToEndIT {

    private static final String MISSING_COPY = "Cần làm để đạt mức độ 1 (tiêu chuẩn 1): Bổ sung ít nhất 1 bản sách (hiện có 29 bản sách "
            + "cho 10 học sinh; mức độ 1 cần 3 bản mỗi học sinh).";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void copiesPerStudentAreJudgedLiveAndTheAuthoritySumsItsSchools() throws IOException {
        ApiClient api = new ApiClient(port);
        LocalDate today = LocalDate.now(clock);
        String year = LibraryFixture.schoolYearHolding(today);
        String authority = "xa-tt16-" + UUID.randomUUID().toString().substring(0, 8);
        LibraryFixture school = primary(api, "th-tt16-" + authority.substring(8), "Trường Tiểu học Đoàn Thị Điểm", authority, today, 10);
        String title = school.title("Dế Mèn phiêu lưu ký");
        for (int i = 1; i <= 29; i++) {
            school.copy("TT-%03d".formatted(i), title);
        }
        // a periodical does not count unless the authority says so
        String magazine = school.expect(201, api.post(school.base() + "/titles",
                "{\"title\":\"Tạp chí Khăn quàng đỏ\",\"docType\":\"PERIODICAL\"}")).text("titleId");
        ApiClient.Answer last = school.expect(201, api.post(school.base() + "/copies", "{\"barcode\":\"BC-001\",\"titleId\":\"" + magazine + "\"}"));
        String path = school.base() + "/circular-16/" + year;

        JsonNode below = evaluation(api, path, last);
        JsonNode copies = criterion(below, "S1-COPIES-PER-STUDENT");
        assertThat(copies.path("value").decimalValue()).isEqualByComparingTo("2.9");
        assertThat(copies.path("threshold").decimalValue()).isEqualByComparingTo("3");
        assertThat(copies.path("met").asBoolean()).isFalse();
        assertThat(copies.path("level").asString()).isEqualTo("NOT_MET");
        assertThat(copies.path("source").asString()).isEqualTo("COMPUTED");
        assertThat(below.path("standards").get(0).path("level").asString()).isEqualTo("NOT_MET");
        assertThat(below.path("level").asString()).isEqualTo("NOT_MET");
        assertThat(below.path("standards")).hasSize(5);
        assertThat(missing(below, "S1-COPIES-PER-STUDENT"))
                .isEqualTo("Bổ sung ít nhất 1 bản sách (hiện có 29 bản sách cho 10 học sinh; mức độ 1 cần 3 bản mỗi học sinh).");

        // one more copy reaches level 1 for this criterion, live; withdrawing one brings it back
        JsonNode reached = evaluation(api, path, school.expect(201, api.post(school.base() + "/copies",
                "{\"barcode\":\"TT-030\",\"titleId\":\"" + title + "\"}")));
        assertThat(criterion(reached, "S1-COPIES-PER-STUDENT").path("value").decimalValue()).isEqualByComparingTo("3");
        assertThat(criterion(reached, "S1-COPIES-PER-STUDENT").path("met").asBoolean()).isTrue();
        assertThat(criterion(reached, "S1-COPIES-PER-STUDENT").path("level").asString()).isEqualTo("LEVEL_1");
        JsonNode back = evaluation(api, path, school.expect(200, api.post(school.base() + "/copies/TT-030/withdrawal",
                "{\"reason\":\"Rách nát\"}")));
        assertThat(criterion(back, "S1-COPIES-PER-STUDENT").path("value").decimalValue()).isEqualByComparingTo("2.9");
        assertThat(criterion(back, "S1-COPIES-PER-STUDENT").path("met").asBoolean()).isFalse();
        // the withdrawal is the school's weeding within three years
        assertThat(criterion(back, "S5-WEEDING").path("met").asBoolean()).isTrue();

        // the authority counts periodicals and sets level 2: the same school is judged by them
        String thresholds = "/api/v1/authorities/" + authority + "/circular-16-thresholds/" + year;
        ApiClient.Answer set = school.expect(200, api.put(thresholds,
                "{\"copiesPerStudentLevel2\":{\"PRIMARY\":3.5},\"countedDocTypes\":[\"CHILDREN\",\"PERIODICAL\"]}"));
        JsonNode byAuthority = criterion(evaluation(api, path, set), "S1-COPIES-PER-STUDENT");
        assertThat(byAuthority.path("value").decimalValue()).isEqualByComparingTo("3");
        assertThat(byAuthority.path("thresholdLevel2").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(byAuthority.path("level").asString()).isEqualTo("LEVEL_1");
        school.expect(200, api.put(thresholds, "{}"));

        // a second school of the same authority reaching level 1 on every standard
        LibraryFixture good = primary(api, "th-tt16-dat-" + authority.substring(8), "Trường Tiểu học Lê Quý Đôn", authority, today, 2);
        ApiClient.Answer ready = levelOne(api, good, today, year);
        JsonNode goodEvaluation = evaluation(api, good.base() + "/circular-16/" + year, ready);
        assertThat(goodEvaluation.path("level").asString()).as(goodEvaluation.toString()).isEqualTo("LEVEL_1");
        assertThat(goodEvaluation.path("missingForNextLevel").path("nextLevel").asString()).isEqualTo("LEVEL_2");
        assertThat(criterion(goodEvaluation, "S2-READING-ROOM").path("value").decimalValue()).isEqualByComparingTo("60");
        assertThat(criterion(goodEvaluation, "S3-FURNITURE").path("evidence").get(0).asString())
                .isEqualTo("Biên bản bàn giao giá sách ngày 05/09");

        JsonNode report = api.get("/api/v1/authorities/" + authority + "/circular-16/" + year,
                "X-Min-Event-Position", Long.toString(ready.eventPosition())).json();
        JsonNode primary = report.path("levels").get(0);
        assertThat(primary.path("educationLevel").asString()).isEqualTo("PRIMARY");
        assertThat(primary.path("schools").asInt()).isEqualTo(2);
        assertThat(primary.path("level1").asInt()).isEqualTo(1);
        assertThat(primary.path("level1Share").decimalValue()).isEqualByComparingTo("50");
        assertThat(primary.path("notMet").asInt()).isEqualTo(1);
        assertThat(primary.path("summary").asString())
                .isEqualTo("Tiểu học: 1/2 trường (50%) mức độ 1; 0/2 trường (0%) mức độ 2; 1/2 trường (50%) chưa đạt");
        assertThat(report.path("schools")).hasSize(2);
        assertThat(report.path("schools").get(1).path("standards")).hasSize(5);
        assertThat(report.toString()).doesNotContain("Nguyễn", "hs-");

        // the documents carry the JSON's numbers and words, diacritics exact
        JsonNode selfAssessment = evaluation(api, path, set);
        ApiClient.Download xlsx = api.download(path + "/self-assessment?format=XLSX");
        assertThat(xlsx.status()).isEqualTo(200);
        List<List<Object>> rows = rows(xlsx.body());
        List<Object> copiesRow = rows.stream().filter(row -> row.contains("S1-COPIES-PER-STUDENT")).findFirst().orElseThrow();
        assertThat(copiesRow.get(2)).isEqualTo(criterion(selfAssessment, "S1-COPIES-PER-STUDENT").path("text").asString());
        assertThat((Double) copiesRow.get(4)).isEqualTo(criterion(selfAssessment, "S1-COPIES-PER-STUDENT").path("value").asDouble());
        assertThat((Double) copiesRow.get(5)).isEqualTo(3.0);
        assertThat(copiesRow.get(8)).isEqualTo("Chưa đạt");
        assertThat(rows.stream().flatMap(List::stream).map(String::valueOf))
                .contains("Báo cáo tự đánh giá thư viện theo Thông tư 16/2022/TT-BGDĐT", "Trường Tiểu học Đoàn Thị Điểm",
                        "Kết quả chung của thư viện",
                        MISSING_COPY);
        String pdf = text(api.download(path + "/self-assessment?format=PDF"));
        assertThat(squeezed(pdf)).contains(squeezed("Báo cáo tự đánh giá thư viện theo Thông tư 16/2022/TT-BGDĐT"),
                squeezed("Trường Tiểu học Đoàn Thị Điểm"), squeezed("Năm học " + year), squeezed(MISSING_COPY));

        String reportPath = "/api/v1/authorities/" + authority + "/circular-16/" + year;
        List<List<Object>> reportRows = rows(api.download(reportPath + "?format=XLSX").body());
        assertThat(reportRows.stream().flatMap(List::stream).map(String::valueOf)).contains(primary.path("summary").asString(),
                report.path("total").path("summary").asString());
        JsonNode goodLine = null;
        for (JsonNode line : report.path("schools")) {
            goodLine = line.path("name").asString().equals("Trường Tiểu học Lê Quý Đôn") ? line : goodLine;
        }
        assertThat(goodLine).isNotNull();
        List<String> levels = new ArrayList<>(List.of(words(goodLine.path("level").asString())));
        goodLine.path("standards").forEach(level -> levels.add(words(level.asString())));
        // standards 4 and 5 ask nothing more at level 2 than the school does
        assertThat(levels).containsExactly("Mức độ 1", "Mức độ 1", "Mức độ 1", "Mức độ 1", "Mức độ 2", "Mức độ 2");
        assertThat(reportRows.stream().filter(row -> row.contains("Trường Tiểu học Lê Quý Đôn")).findFirst().orElseThrow())
                .containsSequence(levels.toArray());
        assertThat(squeezed(text(api.download(reportPath + "?format=PDF")))).contains(squeezed(primary.path("summary").asString()),
                squeezed("Trường Tiểu học Lê Quý Đôn"), squeezed("Tổng hợp kết quả đánh giá thư viện trường học"));
    }

    @Test
    void declaredCriteriaAreCheckedAndEachRoleReadsOnlyItsOwn() {
        ApiClient api = new ApiClient(port);
        LocalDate today = LocalDate.now(clock);
        String year = LibraryFixture.schoolYearHolding(today);
        String authority = "xa-tt16-" + UUID.randomUUID().toString().substring(0, 8);
        LibraryFixture school = primary(api, "th-tt16-quyen-" + authority.substring(8), "Trường Tiểu học Quyền", authority, today, 1);
        String profile = school.base() + "/library-profile/" + year;
        refused(api.put(profile, "{\"readingRoomM2\":60,\"seats\":40,\"criteria\":[{\"criterionId\":\"S9-KHONG-CO\",\"met\":true}]}"),
                400, "UNKNOWN_CRITERION");
        refused(api.put(profile, "{\"readingRoomM2\":60,\"seats\":40,\"criteria\":[{\"criterionId\":\"S1-COPIES-PER-STUDENT\",\"met\":true}]}"),
                400, "CRITERION_COMPUTED");
        refused(api.put(profile, "{\"readingRoomM2\":-1,\"seats\":40}"), 400, "VALIDATION_FAILED");
        refused(api.put(profile, "{\"seats\":40}"), 400, "VALIDATION_FAILED");
        refused(api.put(school.base() + "/library-profile/2026", "{\"readingRoomM2\":60,\"seats\":40}"), 400, "VALIDATION_FAILED");
        refused(api.put("/api/v1/authorities/" + authority + "/circular-16-thresholds/" + year,
                "{\"countedDocTypes\":[\"SACH\"]}"), 400, "VALIDATION_FAILED");
        refused(api.put("/api/v1/authorities/" + authority + "/circular-16-thresholds/" + year,
                "{\"copiesPerStudentLevel2\":{\"PRIMARY\":0}}"), 400, "VALIDATION_FAILED");
        refused(api.put("/api/v1/schools/th-khong-co/library-profile/" + year, "{\"readingRoomM2\":60,\"seats\":40}"), 404,
                "SCHOOL_NOT_FOUND");
        refused(api.get("/api/v1/schools/th-khong-co/circular-16/" + year), 404, "SCHOOL_NOT_FOUND");
        ApiClient.Answer docx = api.get(school.base() + "/circular-16/" + year + "?format=docx");
        refused(docx, 400, "VALIDATION_FAILED");
        assertThat(docx.json().path("errors").get(0).path("message").asString())
                .isEqualTo("Không có giá trị \"docx\": phải là một trong các giá trị JSON, XLSX, PDF.");
        // nothing refused was stored
        JsonNode nothing = api.get(school.base() + "/circular-16/" + year).json();
        assertThat(criterion(nothing, "S2-READING-ROOM").path("met").asBoolean()).isFalse();
        assertThat(criterion(nothing, "S2-READING-ROOM").has("value")).isFalse();

        ApiClient librarian = api.as(TestTokens.ofSchool("tv-quyen", "LIBRARIAN", school.school()));
        ApiClient admin = api.as(TestTokens.ofSchool("hieu-truong-quyen", "SCHOOL_ADMIN", school.school()));
        ApiClient teacher = api.as(TestTokens.ofSchool("gv-quyen", "TEACHER", school.school()));
        ApiClient otherSchool = api.as(TestTokens.ofSchool("tv-khac", "LIBRARIAN", "th-truong-khac"));
        ApiClient ownAuthority = api.as(TestTokens.ofAuthority("phong-quyen", authority));
        ApiClient otherAuthority = api.as(TestTokens.ofAuthority("phong-khac", "xa-khac-tt16"));
        String body = "{\"readingRoomM2\":60,\"seats\":40,\"criteria\":[{\"criterionId\":\"S3-FURNITURE\",\"met\":true,"
                + "\"evidence\":[\"Biên bản kiểm kê tài sản\"]}]}";
        assertThat(librarian.put(profile, body).status()).isEqualTo(403);
        assertThat(otherSchool.put(profile, body).status()).isEqualTo(404);
        ApiClient.Answer declared = school.expect(200, admin.put(profile, body));
        JsonNode evaluation = librarian.get(school.base() + "/circular-16/" + year, "X-Min-Event-Position",
                Long.toString(declared.eventPosition())).json();
        assertThat(criterion(evaluation, "S3-FURNITURE").path("met").asBoolean()).isTrue();
        assertThat(criterion(evaluation, "S3-FURNITURE").path("source").asString()).isEqualTo("DECLARED");
        assertThat(criterion(evaluation, "S3-FURNITURE").path("evidence").get(0).asString()).isEqualTo("Biên bản kiểm kê tài sản");
        assertThat(teacher.get(school.base() + "/circular-16/" + year).status()).isEqualTo(403);
        assertThat(otherSchool.get(school.base() + "/circular-16/" + year).status()).isEqualTo(404);
        assertThat(otherSchool.get(school.base() + "/circular-16/" + year + "/self-assessment?format=PDF").status()).isEqualTo(404);
        assertThat(ownAuthority.get(school.base() + "/circular-16/" + year).status()).isEqualTo(404);

        String report = "/api/v1/authorities/" + authority + "/circular-16/" + year;
        assertThat(ownAuthority.get(report).json().path("total").path("schools").asInt()).isEqualTo(1);
        assertThat(otherAuthority.get(report).status()).isEqualTo(404);
        assertThat(librarian.get(report).status()).isEqualTo(404);
        String thresholds = "/api/v1/authorities/" + authority + "/circular-16-thresholds/" + year;
        assertThat(otherAuthority.put(thresholds, "{}").status()).isEqualTo(404);
        assertThat(admin.put(thresholds, "{}").status()).isEqualTo(404);
        assertThat(ownAuthority.put(thresholds, "{\"activitiesPerMonth\":2}").json().path("activitiesPerMonth").asInt()).isEqualTo(2);
    }

    /** A primary school in the year holding today, with a grade 3 class of {@code students} students. */
    private static LibraryFixture primary(ApiClient api, String id, String name, String authority, LocalDate today, int students) {
        LibraryFixture school = new LibraryFixture(api, id);
        school.expect(201, api.put(school.base(), "{\"name\":\"" + name + "\",\"educationLevels\":[\"PRIMARY\"],\"authorityId\":\""
                + authority + "\"}"));
        school.expect(201, school.scheduleYearHolding(today));
        school.expect(201, api.put(school.base() + "/classes/3a", "{\"name\":\"3A\",\"grade\":3,\"schoolYear\":\""
                + LibraryFixture.schoolYearHolding(today) + "\"}"));
        for (int i = 1; i <= students; i++) {
            school.patron("hs-" + i, "Nguyễn Văn " + i, "STUDENT", "3a");
        }
        return school;
    }

    /** Everything level 1 asks, through the API: copies classified, a loan, activities every month, a stocktake, weeding, the profile. */
    private static ApiClient.Answer levelOne(ApiClient api, LibraryFixture school, LocalDate today, String year) {
        school.patron("gv-1", "Trần Thị Hoa", "TEACHER", null);
        String title = school.expect(201, api.post(school.base() + "/titles",
                "{\"title\":\"Tô Hoài tuyển tập\",\"docType\":\"CHILDREN\",\"classification\":\"895.922\"}")).text("titleId");
        for (int i = 1; i <= 8; i++) {
            school.copy("LQD-%02d".formatted(i), title);
        }
        school.expect(201, school.checkOut("LQD-01", "hs-1"));
        school.expect(200, api.post(school.base() + "/copies/LQD-08/withdrawal", "{\"reason\":\"Thanh lọc sách cũ\"}"));
        long months = ChronoUnit.MONTHS.between(LocalDate.parse(year.substring(0, 4) + "-08-01"), today.plusDays(1));
        for (int i = 0; i < Math.max(1, months); i++) {
            school.expect(201, api.post(school.base() + "/library-periods",
                    "{\"classId\":\"3a\",\"heldOn\":\"" + today + "\",\"activity\":\"BOOK_TALK\",\"attendeeIds\":[\"hs-1\"]}"));
        }
        school.expect(201, api.post(school.base() + "/reading-events", "{\"name\":\"Ngày hội đọc sách\",\"kind\":\"READING_DAY\","
                + "\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today + "\",\"classIds\":[\"3a\"]}"));
        school.expect(201, api.post(school.base() + "/stocktakes", "{\"name\":\"Kiểm kê cuối năm\"}"));
        List<String> criteria = new ArrayList<>();
        for (String id : List.of("S2-LOCATION", "S3-COMPUTERS", "S3-SAFETY", "S4-INTEROPERATION", "S5-PLAN", "S5-STAFF")) {
            criteria.add("{\"criterionId\":\"" + id + "\",\"met\":true,\"evidence\":[\"Hồ sơ " + id + "\"]}");
        }
        criteria.add("{\"criterionId\":\"S3-FURNITURE\",\"met\":true,\"evidence\":[\"Biên bản bàn giao giá sách ngày 05/09\"]}");
        return school.expect(200, api.put(school.base() + "/library-profile/" + year,
                "{\"readingRoomM2\":60.0,\"seats\":40,\"criteria\":[" + String.join(",", criteria) + "]}"));
    }

    private static String words(String level) {
        return switch (level) {
            case "LEVEL_1" -> "Mức độ 1";
            case "LEVEL_2" -> "Mức độ 2";
            default -> "Chưa đạt";
        };
    }

    private static JsonNode evaluation(ApiClient api, String path, ApiClient.Answer after) {
        ApiClient.Answer answer = api.get(path, "X-Min-Event-Position", Long.toString(after.eventPosition()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode criterion(JsonNode evaluation, String id) {
        for (JsonNode standard : evaluation.path("standards")) {
            for (JsonNode criterion : standard.path("criteria")) {
                if (criterion.path("criterionId").asString().equals(id)) {
                    return criterion;
                }
            }
        }
        throw new AssertionError("no criterion " + id + " in " + evaluation);
    }

    private static String missing(JsonNode evaluation, String id) {
        for (JsonNode item : evaluation.path("missingForNextLevel").path("items")) {
            if (item.path("criterionId").asString().equals(id)) {
                return item.path("text").asString();
            }
        }
        throw new AssertionError("nothing missing for " + id + " in " + evaluation);
    }

    private static List<List<Object>> rows(byte[] file) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<Object> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? null : cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue()
                            : cell.getStringCellValue());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String text(ApiClient.Download pdf) throws IOException {
        assertThat(pdf.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The text without its line breaks and spaces, as a PDF's wrapped cells give it back. */
    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }
}
