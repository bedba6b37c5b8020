package vn.motsach.local.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * The staff's pages in Debian's Chromium against the whole local system: a hold placed at the
 * desk and found on the hold shelf once the copy is back, the overdue list by class, a title and
 * a copy added then found in the catalogue, a CSV import followed to 100% with its rejected row,
 * a stocktake scanned, a library period's attendance ticked on the roster. Each page is checked
 * with axe-core and kept as a screenshot. The system's clock runs with real time, shifted by the
 * overdue test to a month later (loans become overdue as days pass, not as tests wish).
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WebDeskIT.ShiftedClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebDeskIT {

    private static final String SCHOOL = "th-quay";
    private static final String LIBRARIAN = "thu-thu-quay";
    private static final String PASSWORD = "muon-tra-ca-ngay";
    private static final String TEACHER = "co-giao-quay";

    @LocalServerPort
    int port;
    @Autowired
    ShiftedClock clock;

    private ApiClient admin;
    private LibraryFixture library;
    private String deMen;
    private String kinhVanHoa;

    @BeforeAll
    void aSchoolWithTwoClassesBooksAndALibrarian() {
        assumeTrue(Browser.installed(), "the browser tests need Debian's chromium and chromium-driver (apt-get install)");
        admin = new ApiClient(port);
        library = LibraryFixture.primarySchool(admin, SCHOOL);
        library.expect(201, admin.put(library.base() + "/classes/5a5", "{\"name\":\"5A5\",\"grade\":5,\"schoolYear\":\"2026-2027\"}"));
        library.patron("hs-chi", "Lê Văn Chi", "STUDENT", "5a4");
        library.patron("hs-dung", "Phạm Thị Dung", "STUDENT", "5a5");
        library.patron("hs-em", "Hoàng Văn Em", "STUDENT", "5a5");
        deMen = library.title("Dế Mèn phiêu lưu ký");
        kinhVanHoa = library.title("Kính vạn hoa");
        library.copy("TN-101", deMen);
        library.copy("TN-130", kinhVanHoa);
        library.copy("TN-131", kinhVanHoa);
        library.copy("TN-132", kinhVanHoa);
        assertThat(admin.put("/api/v1/accounts/" + LIBRARIAN,
                "{\"password\":\"" + PASSWORD + "\",\"roles\":[\"LIBRARIAN\"],\"schoolId\":\"" + SCHOOL + "\"}").status())
                .isEqualTo(201);
        assertThat(admin.put("/api/v1/accounts/" + TEACHER, "{\"password\":\"" + PASSWORD + "\",\"roles\":[\"TEACHER\"],"
                + "\"schoolId\":\"" + SCHOOL + "\",\"classIds\":[\"5a4\"]}").status()).isEqualTo(201);
    }

    @Test
    void aTeacherReadsTheCatalogueAndTheirClassButIsShownNoneOfTheDesksWork() {
        try (Browser browser = signedIn(TEACHER, "/catalogue")) {
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".count"), "kết quả"));
            assertThat(browser.driver.findElement(By.cssSelector(".top")).getText()).contains("Kho sách", "Bạn đọc và lớp")
                    .doesNotContain("Quầy mượn trả");
            assertThat(browser.driver.findElements(By.linkText("Thêm đầu sách"))).isEmpty();
            assertThat(browser.driver.findElements(By.id("intake-on"))).isEmpty();
            browser.driver.findElement(By.linkText("Bạn đọc và lớp")).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("5A4")));
            assertThat(browser.driver.findElements(By.linkText("5A5"))).as("another teacher's class").isEmpty();
            browser.open("/catalogue/imports");
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main [role=alert]")))
                    .getText()).isEqualTo("Tài khoản của bạn không mở được trang này.");
        }
    }

    @Test
    void aHoldPlacedAtTheDeskWithF2IsOnTheHoldShelfOnceTheCopyIsBack() {
        long lent = library.expect(201, library.checkOut("TN-101", "hs-an")).eventPosition();
        waitForQuerySide(lent);
        try (Browser browser = signedIn("/desk")) {
            scan(browser, "hs-binh");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("patron-name"), "Trần Thị Bình"));
            scan(browser, "TN-101");
            assertThat(message(browser, ".problem")).contains("TN-101");
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hold-offer")));
            browser.accessible();
            // F2 in the scan field places the hold: the keyboard never leaves it
            browser.driver.findElement(By.id("scan")).sendKeys(Keys.F2);
            assertThat(message(browser, ".done")).isEqualTo("Đã đặt trước “Dế Mèn phiêu lưu ký”, thứ tự 1.");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".holds"), "Dế Mèn phiêu lưu ký"));
            assertThat(browser.driver.switchTo().activeElement()).isEqualTo(browser.driver.findElement(By.id("scan")));

            // the copy comes back: to the hold shelf
            browser.driver.findElement(By.id("scan")).sendKeys(Keys.ESCAPE);
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".no-patron")));
            scan(browser, "TN-101");
            assertThat(message(browser, ".done")).isEqualTo("Đã nhận trả “Dế Mèn phiêu lưu ký”: để lên giá giữ sách cho bạn đọc đặt trước.");

            browser.driver.findElement(By.linkText("Giá sách đặt trước")).click();
            WebElement shelf = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".ready-holds tr[data-barcode='TN-101']")));
            assertThat(shelf.getText()).contains("Dế Mèn phiêu lưu ký", "Trần Thị Bình", "hs-binh");
            browser.accessible();
            browser.screenshot("desk-hold-shelf");

            // the reader comes for it: lent to her, the hold filled
            browser.driver.findElement(By.linkText("Quầy mượn trả")).click();
            scan(browser, "hs-binh");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("patron-name"), "Trần Thị Bình"));
            scan(browser, "TN-101");
            assertThat(message(browser, ".done")).startsWith("Đã cho mượn “Dế Mèn phiêu lưu ký”");
        }
    }

    @Test
    void aBarcodeOfTwoLibrariesAtTheDeskIsLentByChoosingItsOwnerWithTheKeyboard() {
        String authority = "xa-web-trung-so";
        LocalDate today = LocalDate.now(clock);
        LibraryFixture owner = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-web-chu", "THCS Web Chủ", authority, today);
        LibraryFixture desk = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-web-muon", "THCS Web Mượn", authority, today);
        desk.patron("hs-web-mot", "Trần Văn Một", "STUDENT", null);
        String ownersTitle = owner.title("Tuổi thơ dữ dội");
        owner.copy("TS-901", ownersTitle);
        desk.copy("TS-901", desk.title("Quê nội"));
        owner.expect(201, admin.put("/api/v1/authorities/" + authority + "/interop-groups/nhom-web",
                "{\"name\":\"Cụm web\",\"sharing\":\"LENDING\",\"schoolIds\":[\"thcs-web-chu\",\"thcs-web-muon\"]}"));
        String request = desk.expect(201, admin.post(desk.base() + "/interlibrary-loans",
                "{\"lendingSchoolId\":\"thcs-web-chu\",\"titleId\":\"%s\",\"patronId\":\"hs-web-mot\"}"
                        .formatted(ownersTitle))).text("requestId");
        owner.expect(200, admin.post(owner.base() + "/interlibrary-loans/" + request + "/shipment", "{\"barcode\":\"TS-901\"}"));
        long received = desk.expect(200, admin.post(desk.base() + "/interlibrary-loans/" + request + "/receipt", "{}")).eventPosition();
        assertThat(admin.get(desk.base() + "/loans", "X-Min-Event-Position", Long.toString(received)).status()).isEqualTo(200);
        String librarian = "thu-thu-web-muon";
        assertThat(admin.put("/api/v1/accounts/" + librarian,
                "{\"password\":\"" + PASSWORD + "\",\"roles\":[\"LIBRARIAN\"],\"schoolId\":\"thcs-web-muon\"}").status())
                .isEqualTo(201);

        try (Browser browser = signedIn(librarian, "/desk")) {
            scan(browser, "hs-web-mot");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("patron-name"), "Trần Văn Một"));
            scan(browser, "TS-901");
            assertThat(message(browser, ".problem")).contains("TS-901");
            WebElement chooser = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".owner-choice")));
            assertThat(chooser.findElements(By.tagName("button")).stream().map(button -> button.getAttribute("data-owner")).toList())
                    .containsExactly("thcs-web-muon", "thcs-web-chu");
            // the chooser has the focus: a scanner's digits in the scan field choose nothing
            assertThat(browser.driver.switchTo().activeElement().getAttribute("data-owner")).isEqualTo("thcs-web-muon");
            browser.accessible();
            browser.driver.switchTo().activeElement().sendKeys("2");
            assertThat(message(browser, ".done")).startsWith("Đã cho mượn “Tuổi thơ dữ dội”");
            assertThat(browser.driver.findElements(By.cssSelector(".owner-choice"))).isEmpty();
            assertThat(browser.driver.switchTo().activeElement()).isEqualTo(browser.driver.findElement(By.id("scan")));
        }
    }

    /** A graduation recorded ahead: the desk shows the day the reader leaves, and lends until the last open day before it. */
    @Test
    void aReaderLeavingOnADayAheadIsLentUntilTheLastOpenDayBeforeIt() {
        library.patron("hs-giang", "Đỗ Thị Giang", "STUDENT", "5a4");
        library.copy("TN-150", library.title("Tuổi thơ dữ dội"));
        LocalDate leavesOn = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))).plusDays(12);
        String shown = "%02d/%02d/%d".formatted(leavesOn.getDayOfMonth(), leavesOn.getMonthValue(), leavesOn.getYear());
        long recorded = library.expect(201, admin.post(library.base() + "/patrons/hs-giang/departures",
                "{\"reason\":\"GRADUATED\",\"leftOn\":\"" + leavesOn + "\"}")).eventPosition();
        waitForQuerySide(recorded);
        try (Browser browser = signedIn("/desk")) {
            scan(browser, "hs-giang");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("patron-name"), "Đỗ Thị Giang"));
            assertThat(browser.driver.findElement(By.cssSelector(".patron .meta")).getText())
                    .contains("Rời trường ngày " + shown).doesNotContain("Đã rời trường");
            scan(browser, "TN-150");
            assertThat(message(browser, ".done")).startsWith("Đã cho mượn “Tuổi thơ dữ dội”, hạn trả ")
                    .endsWith("trước khi bạn đọc rời trường (" + shown + ").");
            browser.accessible();
        }
    }

    @Test
    void theOverdueListShowsEachClassLateLoansByName() {
        library.expect(201, library.checkOut("TN-130", "hs-chi"));
        long position = library.expect(201, library.checkOut("TN-131", "hs-dung")).eventPosition();
        waitForQuerySide(position);
        clock.shift(Duration.ofDays(40));
        try (Browser browser = signedIn("/desk/overdue")) {
            WebElement a4 = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".overdue-class[data-class='5a4']")));
            assertThat(a4.getText()).contains("5A4", "Lê Văn Chi", "Kính vạn hoa", "TN-130");
            assertThat(browser.driver.findElement(By.cssSelector(".overdue-class[data-class='5a5']")).getText())
                    .contains("5A5", "Phạm Thị Dung", "TN-131");
            new Select(browser.driver.findElement(By.id("overdue-class"))).selectByVisibleText("5A5");
            browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".overdue-class[data-class='5a4']"), 0));
            assertThat(browser.driver.findElement(By.cssSelector(".overdue-class[data-class='5a5']")).getText())
                    .contains("Phạm Thị Dung").doesNotContain("Lê Văn Chi");
            browser.accessible();
            browser.screenshot("desk-overdue");
        } finally {
            clock.shift(Duration.ZERO);
        }
    }

    @Test
    void aTitleAndACopyAddedAreFoundInTheCatalogue() {
        try (Browser browser = signedIn("/catalogue")) {
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("catalogue-q")));
            browser.driver.findElement(By.linkText("Thêm đầu sách")).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tf-title")))
                    .sendKeys("Tôi thấy hoa vàng trên cỏ xanh");
            browser.driver.findElement(By.id("tf-authors")).sendKeys("Nguyễn Nhật Ánh");
            browser.driver.findElement(By.id("tf-classification")).sendKeys("895.9223 NG527A");
            new Select(browser.driver.findElement(By.id("tf-doctype"))).selectByVisibleText("Thiếu nhi");
            browser.accessible();
            browser.screenshot("catalogue-title-new");
            browser.driver.findElement(By.id("tf-year")).sendKeys("2010", Keys.ENTER);

            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Tôi thấy hoa vàng trên cỏ xanh"));
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-barcode"))).sendKeys("TN-140");
            browser.driver.findElement(By.id("copy-price")).sendKeys("85.000", Keys.ENTER);
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status].done"))).getText())
                    .isEqualTo("Đã thêm bản TN-140.");
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".copies tr[data-barcode='TN-140']")))
                    .getText()).contains("Trên giá");
            browser.accessible();
            browser.screenshot("catalogue-title");

            browser.driver.findElement(By.linkText("Kho sách")).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("catalogue-q"))).sendKeys("toi thay hoa vang");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".count"), "1 kết quả"));
            assertThat(browser.driver.findElement(By.cssSelector(".catalogue-titles")).getText())
                    .contains("Tôi thấy hoa vàng trên cỏ xanh", "Nguyễn Nhật Ánh", "Còn 1/1 bản trên giá");
            // the desk downloads its registers where it keeps its catalogue
            for (String register : List.of("Sổ đăng ký cá biệt (XLSX)", "Sổ đăng ký tổng quát (PDF)")) {
                WebElement button = browser.driver.findElement(By.xpath("//section[@class='registers']//button[text()='" + register + "']"));
                button.click();
                browser.wait.until(ExpectedConditions.textToBePresentInElement(button.findElement(By.xpath("..")), "Đã tải về."));
            }
            browser.accessible();
            browser.screenshot("catalogue-search");
        }
    }

    @Test
    void aCsvImportReachesOneHundredPercentAndShowsItsRejectedRow() throws IOException {
        Path csv = Files.createTempFile("nhap-kho-", ".csv");
        Files.writeString(csv, "Số ĐKCB,Nhan đề,Tác giả\r\nNK-1,Truyện Kiều,Nguyễn Du\r\nNK-2,,Khuyết Danh\r\n"
                + "NK-3,Lục Vân Tiên,Nguyễn Đình Chiểu\r\n", StandardCharsets.UTF_8);
        try (Browser browser = signedIn("/catalogue/imports")) {
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-kind")));
            browser.driver.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
            browser.accessible();
            browser.driver.findElement(By.xpath("//button[text()='Nhập']")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".import-job .percent"), "100%"));
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".import-job h2"), "Hoàn tất"));
            assertThat(browser.driver.findElement(By.cssSelector(".import-job .summary")).getText())
                    .isEqualTo("Mới 2 · cập nhật 0 · không đổi 0 · bị từ chối 1");
            assertThat(browser.driver.findElement(By.cssSelector("table.rejected")).getText()).contains("3");
            assertThat(browser.driver.findElements(By.xpath("//button[text()='Tải báo cáo lỗi (XLSX)']"))).hasSize(1);
            browser.accessible();
            browser.screenshot("catalogue-import");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void aStocktakeIsScannedAndClosedWithItsFindings() {
        try (Browser browser = signedIn("/catalogue/stocktakes")) {
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("st-name"))).sendKeys("Kiểm kê cuối kỳ", Keys.ENTER);
            WebElement field = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stocktake-scan")));
            assertThat(browser.driver.switchTo().activeElement()).isEqualTo(field);
            // a scanner types faster than the answers come: the codes go in batches
            for (String code : List.of("TN-132", "KHONG-CO", "TN-132")) {
                field.sendKeys(code, Keys.ENTER);
            }
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".findings .scanned"), "1"));
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".scan .help"), "KHONG-CO"));
            assertThat(browser.driver.findElement(By.cssSelector(".missing")).getText()).doesNotContain("TN-132");
            browser.accessible();
            browser.screenshot("stocktake-scan");
            browser.driver.findElement(By.xpath("//button[text()='Kết thúc kiểm kê']")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "đã kết thúc"));
            assertThat(browser.driver.findElements(By.id("stocktake-scan"))).isEmpty();
        }
    }

    @Test
    void aLibraryPeriodsAttendanceIsTickedOnTheRoster() {
        try (Browser browser = signedIn("/readers")) {
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("5A4")));
            browser.driver.findElement(By.id("patron-q")).sendKeys("nguyen van an");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".patrons"), "Nguyễn Văn An"));
            browser.accessible();
            browser.screenshot("readers");
            browser.driver.findElement(By.linkText("5A4")).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[data-patron='hs-an']")));
            // ticked with the keyboard: Space on each present student
            browser.driver.findElement(By.cssSelector("input[data-patron='hs-an']")).sendKeys(Keys.SPACE);
            browser.driver.findElement(By.cssSelector("input[data-patron='hs-chi']")).sendKeys(Keys.SPACE);
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".library-periods legend"), "2/3"));
            browser.accessible();
            browser.screenshot("class-library-period");
            browser.driver.findElement(By.xpath("//button[text()='Ghi tiết đọc']")).click();
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".library-periods .done"))).getText())
                    .isEqualTo("Đã ghi tiết đọc: 2/3 học sinh có mặt.");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.periods"), "2/3"));
        }
    }

    private Browser signedIn(String path) {
        return signedIn(LIBRARIAN, path);
    }

    private Browser signedIn(String username, String path) {
        Browser browser = new Browser(port);
        browser.open("/signin?next=" + path);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".top"), "Đăng xuất"));
        browser.wait.until(ExpectedConditions.urlContains(path));
        return browser;
    }

    private void waitForQuerySide(long position) {
        assertThat(admin.get(library.base() + "/loans", "X-Min-Event-Position", Long.toString(position)).status()).isEqualTo(200);
    }

    /** Into the scan field, once the page that has it is shown (a link followed renders it a moment later). */
    private static void scan(Browser browser, String code) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("scan"))).sendKeys(code, Keys.ENTER);
    }

    private static String message(Browser browser, String selector) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message-area " + selector)))
                .getText();
    }

    /** The system's clock: real time, moved forward by a test that needs days to pass. */
    static final class ShiftedClock extends Clock {

        private final Clock system;
        private volatile Duration shift = Duration.ZERO;

        ShiftedClock(Clock system) {
            this.system = system;
        }

        void shift(Duration by) {
            shift = by;
        }

        @Override
        public ZoneId getZone() {
            return system.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(system.withZone(zone), shift);
        }

        @Override
        public Instant instant() {
            return system.instant().plus(shift);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ShiftedClockConfiguration {

        @Bean
        ShiftedClock shiftedClock() {
            return new ShiftedClock(Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")));
        }
    }
}
