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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
 * a librarian downloads a template, imports a small catalogue file (its warning shown, its report downloaded), stops a
 * large import while it runs, and exports the catalogue (the workbook the page received opens
 * with POI and holds the title with its diacritics); the school administrator runs the year's
 * rollover of a class through the page, and the API then has the student in the new class.
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
            assertThat(browser.driver.findElement(By.id("import-format")).getText()).contains("Tự nhận dạng", "MARC 21");
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
            assertThat(browser.driver.findElement(By.cssSelector(".issues.warnings")).getText()).containsIgnoringCase("isbn");
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

    @Test
    void aLibrarianStopsARunningImportAfterConfirming() throws IOException {
        StringBuilder rows = new StringBuilder("Số ĐKCB,Nhan đề,Tác giả\r\n");
        for (int i = 0; i < 40_000; i++) {
            rows.append("DL-").append(i).append(",Sách thử số ").append(i).append(",Tác giả ").append(i).append("\r\n");
        }
        Path file = Files.createTempFile("kho-sach-lon", ".csv");
        Files.writeString(file, rows, StandardCharsets.UTF_8);
        try (Browser browser = new Browser(port)) {
            signIn(browser, "/catalogue/imports", "thu-thu-chuyen");
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-file"))).sendKeys(file.toString());
            browser.driver.findElement(By.id("import-dry")).click();
            browser.driver.findElement(By.cssSelector("form.upload button[type=submit]")).click();

            browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".cancel-import"))).click();
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cancel-question"))).getText())
                    .isEqualTo("Dừng lần nhập này? Các bản ghi đã nhập vẫn được giữ, phần còn lại của tệp không được đọc.");
            browser.accessible();
            browser.driver.findElement(By.cssSelector(".confirm-stop")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".job-status"), "Đã dừng"));
            browser.screenshot("imports-stopped");
        }
        JsonNode newest = admin.get(library.base() + "/imports").json().path("items").get(0);
        assertThat(newest.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(newest.path("dryRun").asBoolean()).isTrue();
        assertThat(newest.path("processed").asInt()).isLessThan(40_000);
    }

    @Test
    void theSchoolAdministratorRollsAClassOverAndGraduatesTheLastGrade() {
        String nextYear = nextFirst + "-" + (nextFirst + 1);
        String newClass = "7a1-" + nextFirst;
        try (Browser browser = new Browser(port)) {
            signIn(browser, "/readers", "hieu-truong-chuyen");
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Lên lớp cuối năm"))).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("to-id-6a1")));
            assertThat(browser.driver.findElement(By.id("rollover-from")).getAttribute("value")).isEqualTo(year);
            assertThat(browser.driver.findElement(By.cssSelector(".to-year")).getText()).isEqualTo("Lên lớp vào năm học " + nextYear);
            assertThat(browser.driver.findElement(By.id("to-id-6a1")).getAttribute("value")).isEqualTo(newClass);
            assertThat(browser.driver.findElement(By.id("to-name-6a1")).getAttribute("value")).isEqualTo("7A1");
            assertThat(browser.driver.findElement(By.id("to-grade-6a1")).getAttribute("value")).isEqualTo("7");
            assertThat(browser.driver.findElement(By.cssSelector("tr[data-class='9a1'] .graduates")).getText())
                    .isEqualTo("Tốt nghiệp, rời trường");
            assertThat(browser.driver.findElement(By.id("graduates-9")).isSelected()).isTrue();
            assertThat(browser.driver.findElement(By.id("graduates-6")).isSelected()).isFalse();
            browser.accessible();
            browser.screenshot("rollover-plan");

            // a new class without a name: the API's refusal shown as its problem detail's message, nothing changed
            browser.driver.findElement(By.id("to-name-6a1")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            browser.driver.findElement(By.cssSelector(".review-rollover")).click();
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".confirm-rollover"))).click();
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".rollover-summary .problem")))
                    .getText()).contains("Lớp " + newClass + " chưa có: cần tên (name) và khối (grade) để mở lớp.");
            assertThat(admin.get(library.base() + "/imports").json().path("items").findValuesAsString("kind")).doesNotContain("ROLLOVER");
            browser.driver.findElement(By.xpath("//button[text()='Sửa lại']")).click();
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("to-name-6a1"))).sendKeys("7A1");

            browser.driver.findElement(By.cssSelector(".review-rollover")).click();
            String summary = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".rollover-summary")))
                    .getText();
            assertThat(summary).contains("1 lớp chuyển lên năm học " + nextYear + ", khoảng 1 học sinh.",
                    "1 lớp tốt nghiệp, khoảng 1 học sinh rời trường.");
            browser.accessible();
            browser.driver.findElement(By.cssSelector(".confirm-rollover")).click();
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".rollover .done"))).getText())
                    .isEqualTo("Đã lên lớp xong: học sinh sang lớp mới từ ngày đầu năm học " + nextYear + ".");
            assertThat(browser.driver.findElement(By.cssSelector(".job-status")).getText()).isEqualTo("Hoàn tất");
            browser.accessible();
            browser.screenshot("rollover-done");
        }
        // through the API: the student is in the new class from the new year's first day
        String firstDay = LocalDate.of(nextFirst, 8, 1).toString();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ApiClient.Answer moved = admin.get(library.base() + "/classes/" + newClass + "?on=" + firstDay);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.json().path("schoolYear").asString()).isEqualTo(nextYear);
            assertThat(moved.json().path("roster").findValuesAsString("patronId")).containsExactly("hs-mot");
        });
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
