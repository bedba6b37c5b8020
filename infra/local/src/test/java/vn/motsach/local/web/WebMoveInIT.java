package vn.motsach.local.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motsach.infra.time.TimeAutoConfiguration;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * Moving a school in through the web app, in Debian's Chromium against the whole local system:
 * a librarian downloads a template, imports a small catalogue file (its warning shown, its report downloaded), stops an
 * import before it ran, and exports the catalogue (the workbook the page received opens
 * with POI and holds the title with its diacritics); the school administrator runs the year's
 * rollover through the page, and the API then has the student in the new class and the
 * graduate in none.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebMoveInIT {

    private static final String SCHOOL = "thcs-web-chuyen";
    private static final String PASSWORD = "chuyen-truong-moi";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    DataSource dataSource;

    private ApiClient admin;
    private LibraryFixture library;
    private String year;
    private int nextFirst;

    @BeforeAll
    void aSchoolWithTwoClassesThisYearAndTheNextYearScheduled() {
        assumeTrue(Browser.installed(), "the browser tests need Debian's chromium and chromium-driver (apt-get install)");
        admin = new ApiClient(port);
        LocalDate today = LocalDate.now(clock.withZone(TimeAutoConfiguration.SCHOOL_ZONE));
        year = LibraryFixture.schoolYearHolding(today);
        nextFirst = Integer.parseInt(year.substring(0, 4)) + 1;
        library = LibraryFixture.lowerSecondaryThisYear(admin, SCHOOL, "Trường THCS Chuyển Trường", "xa-web-chuyen", today);
        library.expect(201, library.scheduleYearHolding(LocalDate.of(nextFirst, 8, 1)));
        library.expect(201, admin.put(library.base() + "/classes/6a1", "{\"name\":\"6A1\",\"grade\":6,\"schoolYear\":\"" + year + "\"}"));
        library.expect(201, admin.put(library.base() + "/classes/9a1", "{\"name\":\"9A1\",\"grade\":9,\"schoolYear\":\"" + year + "\"}"));
        library.expect(201, admin.put(library.base() + "/classes/6a2", "{\"name\":\"6A2\",\"grade\":6,\"schoolYear\":\"" + year + "\"}"));
        // next year's 7A2, opened by hand before the rollover under an id of the school's own
        library.expect(201, admin.put(library.base() + "/classes/lop-7a2-rieng",
                "{\"name\":\"7A2\",\"grade\":7,\"schoolYear\":\"" + nextFirst + "-" + (nextFirst + 1) + "\"}"));
        library.patron("hs-mot", "Nguyễn Văn Một", "STUDENT", "6a1");
        library.patron("hs-chin", "Lê Thị Chín", "STUDENT", "9a1");
        account("thu-thu-chuyen", "LIBRARIAN");
        account("hieu-truong-chuyen", "SCHOOL_ADMIN");
    }

    @Test
    void aLibrarianImportsAFileSeesItsWarningDownloadsItsReportAndExportsTheCatalogue() throws IOException {
        Path file = Files.createTempFile("kho-sach", ".csv");
        Files.writeString(file, "Số ĐKCB,Nhan đề,Tác giả,Năm xuất bản,ISBN\r\n"
                + "CT-001,Dế Mèn phiêu lưu ký,Tô Hoài,1941,\r\n"
                + "CT-002,Đất rừng phương Nam,Đoàn Giỏi,1957,12345\r\n", StandardCharsets.UTF_8);
        try (Browser browser = new Browser(port)) {
            signIn(browser, "/catalogue/imports", "thu-thu-chuyen");
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-file"))).sendKeys(file.toString());
            assertThat(browser.driver.findElement(By.id("import-format")).getText()).contains("Tự nhận dạng", "MARC 21", "MARCXML");
            // a roster comes in a workbook: MARC is offered for the catalogue only
            new Select(browser.driver.findElement(By.id("import-kind"))).selectByValue("PATRONS");
            assertThat(browser.driver.findElement(By.id("import-format")).getText()).contains("Tự nhận dạng", "Excel", "CSV")
                    .doesNotContain("MARC");
            new Select(browser.driver.findElement(By.id("import-kind"))).selectByValue("CATALOGUE");
            assertThat(browser.driver.findElement(By.id("import-format")).getText()).contains("MARC 21");
            assertThat(browser.driver.findElement(By.cssSelector("form.upload")).getText())
                    .contains("Đọc và kiểm tra cả tệp", "Tệp mẫu");
            browser.keepDownloads();
            // the workbook to fill in, beside the kind chosen
            browser.driver.findElement(By.xpath("//div[@class='templates']//button[text()='Kho sách']")).click();
            assertThat(cells(browser.keptDownload(0))).contains("Số ĐKCB", "Nhan đề");
            browser.driver.findElement(By.cssSelector("form.upload button[type=submit]")).click();

            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".job-status"), "Hoàn tất"));
            assertThat(browser.driver.findElement(By.cssSelector(".import-job .summary")).getText())
                    .isEqualTo("Mới 2 · cập nhật 0 · không đổi 0 · bị từ chối 0");
            // the column as the file names it (the template's header), not the API's field name
            assertThat(browser.driver.findElement(By.cssSelector(".issues.warnings")).getText()).contains("ISBN")
                    .doesNotContain("isbn");
            assertThat(browser.driver.findElements(By.cssSelector(".cancel-import"))).isEmpty();
            browser.accessible();
            browser.screenshot("imports-finished");

            // the report of the finished job's warnings, for the librarian to mend
            browser.driver.findElement(By.cssSelector(".download-report")).click();
            assertThat(cells(browser.keptDownload(1))).anyMatch(cell -> cell.contains("Đất rừng phương Nam"));

            // the whole catalogue, once the query side has the imported titles
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    admin.get(library.base() + "/titles?q=de+men").json().path("totalItems").asInt() == 1);
            browser.driver.findElement(By.xpath("//button[text()='Kho sách Excel (.xlsx)']")).click();
            assertThat(cells(browser.keptDownload(2))).contains("Dế Mèn phiêu lưu ký", "Đất rừng phương Nam", "CT-001");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".catalogue-export"), "Đã tải về."));
            browser.driver.findElement(By.xpath("//button[text()='Kho sách MARCXML (.xml)']")).click();
            assertThat(new String(browser.keptDownload(3), StandardCharsets.UTF_8)).contains("Dế Mèn phiêu lưu ký");

            // a librarian is not offered the year's rollover: the school administrator's alone
            browser.driver.findElement(By.linkText("Bạn đọc và lớp")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Bạn đọc và lớp"));
            assertThat(browser.driver.findElements(By.linkText("Lên lớp cuối năm"))).isEmpty();
        }
    }

    /**
     * Imports run one at a time: the page's job waits while an earlier one is held (its row locked
     * here), so the stop reaches it before it reads a record, however fast imports are.
     */
    @Test
    void aLibrarianStopsAnImportAfterConfirming() throws Exception {
        Path file = csv("kho-sach-sau", 3);
        ApiClient.Answer earlier = admin.upload(library.base() + "/imports", csv("kho-sach-truoc", 100_000),
                Map.of("kind", "CATALOGUE", "dryRun", "true"));
        assertThat(earlier.status()).as(earlier.body()).isEqualTo(202);
        UUID before = UUID.fromString(earlier.text("importId"));
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            assertThat(statusLocked(lock, before)).as("the earlier import is held before it finishes").isIn("QUEUED", "RUNNING");
            try (Browser browser = new Browser(port)) {
                signIn(browser, "/catalogue/imports", "thu-thu-chuyen");
                browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-file"))).sendKeys(file.toString());
                browser.driver.findElement(By.id("import-dry")).click();
                browser.driver.findElement(By.cssSelector("form.upload button[type=submit]")).click();
                browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".job-status"), "Đang chờ"));

                browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".cancel-import"))).click();
                assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cancel-question"))).getText())
                        .isEqualTo("Dừng lần chạy thử này? Chưa có gì được ghi vào thư viện; phần còn lại của tệp không được kiểm tra.");
                // the button clicked is gone: the keyboard's focus is on the question
                assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("cancel-question");
                browser.accessible();

                // the stop that never reached the server (the network down): said so, and asked for again once it is back
                browser.driver.setNetworkConditions(new ChromiumNetworkConditions().setOffline(true));
                browser.driver.findElement(By.cssSelector(".confirm-stop")).click();
                assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".import-job .problem"))).getText())
                        .contains("Không kết nối được với máy chủ.");
                browser.driver.deleteNetworkConditions();
                browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".cancel-import"))).click();
                browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".confirm-stop"))).click();
                browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cancel-requested")));
                assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("cancel-requested");

                // the earlier import let go (and stopped too): the page's job, stop requested, ends as it begins
                try (PreparedStatement stop = lock.prepareStatement("update cmd_import_job set cancel_requested = true where import_id = ?")) {
                    stop.setObject(1, before);
                    stop.executeUpdate();
                }
                lock.commit();
                browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".job-status"), "Đã dừng"));
                assertThat(browser.driver.findElements(By.cssSelector(".cancel-import"))).isEmpty();
                // the history says the stopped job was a dry run: it changed nothing
                browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".past-imports tbody tr"),
                        "Đã dừng · Chạy thử"));
                browser.screenshot("imports-stopped");
            }
        }
        JsonNode newest = admin.get(library.base() + "/imports").json().path("items").get(0);
        assertThat(newest.path("fileName").asString()).isEqualTo(file.getFileName().toString());
        assertThat(newest.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(newest.path("dryRun").asBoolean()).isTrue();
        assertThat(newest.path("processed").asInt()).isZero();
    }

    @Test
    void theSchoolAdministratorRollsAClassOverAndGraduatesTheLastGrade() {
        String nextYear = nextFirst + "-" + (nextFirst + 1);
        String newClass = "7a1-" + nextFirst;
        try (Browser browser = new Browser(port)) {
            signIn(browser, "/readers", "hieu-truong-chuyen");
            // a reader's class by its name, as the school calls it, not its id
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".patrons"), "Nguyễn Văn Một"));
            assertThat(browser.driver.findElement(By.xpath("//table[@class='patrons']//tr[td[2]='hs-mot']/td[4]")).getText())
                    .isEqualTo("6A1");
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Lên lớp cuối năm"))).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("to-id-6a1")));
            assertThat(browser.driver.findElement(By.id("rollover-from")).getAttribute("value")).isEqualTo(year);
            assertThat(browser.driver.findElement(By.cssSelector(".to-year")).getText()).isEqualTo("Lên lớp vào năm học " + nextYear);
            assertThat(browser.driver.findElement(By.id("to-id-6a1")).getAttribute("value")).isEqualTo(newClass);
            assertThat(browser.driver.findElement(By.id("to-name-6a1")).getAttribute("value")).isEqualTo("7A1");
            assertThat(browser.driver.findElement(By.id("to-grade-6a1")).getAttribute("value")).isEqualTo("7");
            // next year's 7A2 exists already: proposed by its own id, not a new one
            assertThat(browser.driver.findElement(By.id("to-id-6a2")).getAttribute("value")).isEqualTo("lop-7a2-rieng");
            assertThat(browser.driver.findElement(By.cssSelector("tr[data-class='9a1'] .graduates")).getText()).isEqualTo("Ra trường");
            assertThat(browser.driver.findElement(By.cssSelector(".rollover-classes thead")).getText()).contains("Sĩ số");
            assertThat(browser.driver.findElement(By.id("graduates-9")).isSelected()).isTrue();
            assertThat(browser.driver.findElement(By.id("graduates-6")).isSelected()).isFalse();
            browser.accessible();
            browser.screenshot("rollover-plan");

            // another year chosen: its own classes, not the year's shown before while they load
            new Select(browser.driver.findElement(By.id("rollover-from"))).selectByValue(nextYear);
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-class='lop-7a2-rieng']")));
            assertThat(browser.driver.findElements(By.cssSelector("tr[data-class='6a1']"))).isEmpty();
            new Select(browser.driver.findElement(By.id("rollover-from"))).selectByValue(year);
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("to-id-6a1")));
            assertThat(browser.driver.findElements(By.cssSelector("tr[data-class='lop-7a2-rieng']"))).isEmpty();

            // two classes to one new class under two names: shown, and not confirmed (the API would refuse it)
            WebElement secondId = browser.driver.findElement(By.id("to-id-6a2"));
            secondId.sendKeys(Keys.chord(Keys.CONTROL, "a"), newClass);
            browser.driver.findElement(By.cssSelector(".review-rollover")).click();
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".duplicate-ids"))).getText())
                    .contains(newClass);
            assertThat(browser.driver.findElement(By.cssSelector(".confirm-rollover")).isEnabled()).isFalse();
            // the button clicked is gone: the keyboard's focus is on the summary
            assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("rollover-summary-heading");
            browser.driver.findElement(By.xpath("//button[text()='Sửa lại']")).click();
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("to-id-6a2")));
            assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("rollover-classes-help");
            browser.driver.findElement(By.id("to-id-6a2")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "lop-7a2-rieng");

            // a new class without a grade (the field emptied): the API's refusal shown as its problem detail's message, nothing changed
            browser.driver.findElement(By.id("to-grade-6a1")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            browser.driver.findElement(By.cssSelector(".review-rollover")).click();
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".confirm-rollover"))).click();
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".rollover-summary .problem")))
                    .getText()).contains("Lớp 7A1 (học sinh lớp 6A1 lên) chưa có khối: hãy nhập khối của lớp.").doesNotContain("classes[");
            assertThat(admin.get(library.base() + "/imports").json().path("items").findValuesAsString("kind")).doesNotContain("ROLLOVER");
            browser.driver.findElement(By.xpath("//button[text()='Sửa lại']")).click();
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("to-grade-6a1"))).sendKeys("7");

            browser.driver.findElement(By.cssSelector(".review-rollover")).click();
            String summary = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".rollover-summary")))
                    .getText();
            assertThat(summary).contains("2 lớp chuyển lên năm học " + nextYear + ", khoảng 1 học sinh.",
                    "1 lớp hoàn thành cấp học, khoảng 1 học sinh rời trường.");
            browser.accessible();
            // confirmed twice in a hurry: one rollover
            new Actions(browser.driver).doubleClick(browser.driver.findElement(By.cssSelector(".confirm-rollover"))).perform();
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".rollover .done"))).getText())
                    .isEqualTo("Đã lên lớp xong: học sinh sang lớp mới từ ngày đầu năm học " + nextYear + ".");
            assertThat(browser.driver.findElement(By.cssSelector(".job-status")).getText()).isEqualTo("Hoàn tất");
            // a rollover's steps, not a file's records; and no stopping it halfway
            assertThat(browser.driver.findElement(By.cssSelector(".import-job .summary")).getText())
                    .isEqualTo("Lớp mới mở 1 · đã làm 5 việc (học sinh chuyển lớp hoặc ra trường, lớp cũ đóng lại) · không đổi 0 · bị từ chối 0");
            // 6A1, 6A2 and 9A1 closed last
            assertThat(browser.driver.findElement(By.cssSelector(".import-job .percent")).getText()).contains("đã làm 6/6 bước");
            assertThat(browser.driver.findElements(By.cssSelector(".cancel-import"))).isEmpty();
            browser.accessible();
            browser.screenshot("rollover-done");

            // the year is rolled over once: the page says so, when and by whom, and offers no second plan
            browser.open("/readers/rollover");
            String rolledOver = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".rolled-over"))).getText();
            assertThat(rolledOver).contains("Năm học " + nextYear + " đã lên lớp", "hieu-truong-chuyen",
                    "1 học sinh chuyển sang lớp mới, 1 học sinh ra trường; 1 lớp mới được mở.");
            assertThat(browser.driver.findElements(By.cssSelector(".review-rollover"))).isEmpty();
            assertThat(browser.driver.findElements(By.cssSelector(".confirm-rollover"))).isEmpty();
            browser.accessible();
        }
        assertThat(admin.get(library.base() + "/imports").json().path("items").findValuesAsString("kind"))
                .filteredOn("ROLLOVER"::equals).hasSize(1);
        // through the API: from the new year's first day the student is in the new class, the graduate in no class
        String firstDay = LocalDate.of(nextFirst, 8, 1).toString();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ApiClient.Answer moved = admin.get(library.base() + "/classes/" + newClass + "?on=" + firstDay);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.json().path("schoolYear").asString()).isEqualTo(nextYear);
            assertThat(moved.json().path("roster").findValuesAsString("patronId")).containsExactly("hs-mot");
            assertThat(admin.get(library.base() + "/classes/9a1?on=" + firstDay).json().path("roster").findValuesAsString("patronId"))
                    .isEmpty();
        });
        assertThat(admin.get(library.base() + "/classes/9a1").json().path("roster").findValuesAsString("patronId"))
                .as("a member of 9A1 until this year ends").containsExactly("hs-chin");
        for (JsonNode nextYearClass : admin.get(library.base() + "/classes?schoolYear=" + nextYear).json().path("items")) {
            assertThat(admin.get(library.base() + "/classes/" + nextYearClass.path("classId").asString() + "?on=" + firstDay).json()
                    .path("roster").findValuesAsString("patronId")).doesNotContain("hs-chin");
        }
    }

    /**
     * A student put today into a class of last year (a year that has ended): the plan from last
     * year says so before anything is confirmed, with what to do, and cannot be confirmed (the API
     * would refuse it, ROLLOVER_LATE_JOINERS).
     */
    @Test
    void theRolloverPageWarnsOfStudentsPutIntoAClassOfAYearThatHasEnded() {
        LocalDate today = LocalDate.now(clock.withZone(TimeAutoConfiguration.SCHOOL_ZONE));
        String lastYear = LibraryFixture.schoolYearHolding(today.minusYears(1));
        library.expect(201, library.scheduleYearHolding(today.minusYears(1)));
        library.expect(201, admin.put(library.base() + "/classes/lop-6a-cu", "{\"name\":\"Lớp 6A\",\"grade\":6,\"schoolYear\":\""
                + lastYear + "\"}"));
        library.patron("hs-muon", "Đỗ Văn Muộn", "STUDENT", "lop-6a-cu");
        try (Browser browser = new Browser(port)) {
            signIn(browser, "/readers", "hieu-truong-chuyen");
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Lên lớp cuối năm"))).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rollover-from")));
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rollover-from option[value='" + lastYear + "']")));
            new Select(browser.driver.findElement(By.id("rollover-from"))).selectByValue(lastYear);

            String warning = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".late-joiners"))).getText();

            assertThat(warning).startsWith("1 học sinh").contains("Lớp 6A (lop-6a-cu): 1").contains("lớp của năm học " + year)
                    .contains("nhập lại danh sách bạn đọc");
            assertThat(browser.driver.findElement(By.cssSelector(".review-rollover")).isEnabled()).isFalse();
            browser.accessible();
        }
    }

    /** A catalogue file of {@code rows} titles. */
    private static Path csv(String name, int rows) throws IOException {
        StringBuilder text = new StringBuilder("Số ĐKCB,Nhan đề,Tác giả\r\n");
        for (int i = 0; i < rows; i++) {
            text.append(name).append('-').append(i).append(",Sách thử số ").append(i).append(",Tác giả ").append(i).append("\r\n");
        }
        Path file = Files.createTempFile(name, ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The job's status, its row locked by {@code lock}'s transaction: the import runner waits at its next step of that job. */
    private static String statusLocked(Connection lock, UUID importId) throws SQLException {
        try (PreparedStatement select = lock.prepareStatement("select status from cmd_import_job where import_id = ? for update")) {
            select.setObject(1, importId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private void account(String username, String role) {
        assertThat(admin.put("/api/v1/accounts/" + username,
                "{\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + role + "\"],\"schoolId\":\"" + SCHOOL + "\"}").status())
                .isEqualTo(201);
    }

    private static void signIn(Browser browser, String page, String username) {
        browser.open("/signin?next=" + page);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        browser.wait.until(ExpectedConditions.urlContains(page));
    }

    /** Every cell's text of every sheet of a workbook, as POI reads it. */
    private static List<String> cells(byte[] workbook) {
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : read) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        texts.add(cell.toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
