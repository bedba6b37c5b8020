package vn.motsach.local.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * The web app in Debian's Chromium against the whole local system (embedded PostgreSQL and
 * Kafka, the three sides): the public catalogue without signing in, signing in, and a
 * librarian lending, refused and taking back at the desk with the keyboard only. Each page is
 * checked with axe-core and kept as a screenshot under docs/screenshots; the desk's
 * Enter-to-loan-shown time and script size are measured and reported, not asserted.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppIT {

    private static final String SCHOOL = "th-web";
    private static final Path FIGURES = Path.of("target/web-figures.txt");

    @LocalServerPort
    int port;

    /** The title whose copy a librarian corrects. */
    private String kinhVanHoaId;

    @BeforeAll
    void aSchoolWithBooksAndALibrarian() {
        assumeTrue(Browser.installed(), "the browser tests need Debian's chromium and chromium-driver (apt-get install)");
        ApiClient admin = new ApiClient(port);
        LibraryFixture library = LibraryFixture.primarySchool(admin, SCHOOL);
        String deMen = title(admin, library, "Dế Mèn phiêu lưu ký", "Tô Hoài", "895.9223 T450H");
        String datRung = title(admin, library, "Đất rừng phương Nam", "Đoàn Giỏi", "895.9223 Đ406G");
        String kinhVanHoa = title(admin, library, "Kính vạn hoa", "Nguyễn Nhật Ánh", "895.9223 NG527A");
        library.copy("TN-001", deMen);
        library.copy("TN-002", deMen);
        library.copy("TN-010", datRung);
        library.copy("TN-020", kinhVanHoa);
        kinhVanHoaId = kinhVanHoa;
        assertThat(admin.put("/api/v1/accounts/thu-thu-web",
                "{\"password\":\"muon-tra-ca-ngay\",\"roles\":[\"LIBRARIAN\"],\"schoolId\":\"" + SCHOOL + "\"}").status())
                .isEqualTo(201);
        assertThat(admin.put("/api/v1/accounts/co-giao-web",
                "{\"password\":\"day-hoc-ca-ngay\",\"roles\":[\"TEACHER\"],\"schoolId\":\"" + SCHOOL + "\",\"classIds\":[\"5a4\"]}")
                .status()).isEqualTo(201);
        // the catalogue the pages read has every title before the browser opens them
        long position = library.expect(201, admin.post(library.base() + "/copies", "{\"barcode\":\"TN-021\",\"titleId\":\""
                + kinhVanHoa + "\"}")).eventPosition();
        assertThat(admin.get(library.base() + "/titles", "X-Min-Event-Position", Long.toString(position)).status())
                .isEqualTo(200);
    }

    @Test
    void anyoneSearchesThePublicCatalogueWithoutSigningInIgnoringDiacritics() {
        try (Browser browser = new Browser(port)) {
            // opened twice: the first visit loads the browser's caches and the server's code paths
            List<Double> firstPage = new ArrayList<>();
            for (int visit = 0; visit < 2; visit++) {
                browser.open("/opac/" + SCHOOL);
                browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".count"), "3 kết quả"));
                firstPage.add(((Number) browser.script("return window.motsachResultsShownAt")).doubleValue());
            }
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Trường Tiểu học " + SCHOOL);

            WebElement search = browser.driver.findElement(By.id("opac-q"));
            search.sendKeys("de men");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".count"), "1 kết quả"));
            assertThat(titles(browser)).containsExactly("Dế Mèn phiêu lưu ký");
            assertThat(browser.driver.findElement(By.cssSelector(".titles li")).getText())
                    .contains("Tô Hoài", "Còn 2/2 bản trên giá", "895.9223 T450H");

            search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "NGUYEN NHAT ANH");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".titles"), "Kính vạn hoa"));
            search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "dat rung");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".titles"), "Đất rừng phương Nam"));
            assertThat(titles(browser)).containsExactly("Đất rừng phương Nam");
            browser.accessible();
            browser.screenshot("opac-search");

            // the title page a label's QR code opens, on a phone
            browser.driver.findElement(By.linkText("Đất rừng phương Nam")).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".shelf-mark")));
            assertThat(browser.driver.findElement(By.cssSelector(".shelf-mark")).getText()).isEqualTo("895.9223 Đ406G");
            assertThat(browser.driver.findElement(By.cssSelector(".copies")).getText()).contains("TN-010", "Trên giá");
            browser.size(390, 844);
            browser.accessible();
            browser.screenshot("opac-title-phone");
            // a deep link opens the same page
            String titlePage = browser.driver.getCurrentUrl();
            browser.open(titlePage.substring(titlePage.indexOf("/opac/")));
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".shelf-mark")));
            assertThat(browser.driver.getPageSource()).doesNotContain("hs-an", "Nguyễn Văn An", "patronId");
            report("public catalogue, first page shown since navigation, first and second visit (ms)", firstPage);
        }
    }

    @Test
    void aLibrarianSignsInThenLendsIsRefusedAndTakesBackWithTheKeyboardOnly() {
        try (Browser browser = new Browser(port)) {
            browser.open("/desk");
            browser.wait.until(ExpectedConditions.urlContains("/signin"));
            WebElement username = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            browser.accessible();
            browser.screenshot("signin");
            username.sendKeys("thu-thu-web");
            browser.driver.findElement(By.id("password")).sendKeys("muon-tra-ca-ngay", Keys.ENTER);
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan")));
            // a reload keeps the desk signed in: the access token was in the page's memory only, the cookie renews it
            assertThat(browser.script("return document.cookie")).isEqualTo("");
            browser.driver.navigate().refresh();
            WebElement field = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan")));
            assertThat(browser.driver.switchTo().activeElement()).isEqualTo(field);
            assertThat(browser.driver.findElement(By.cssSelector(".top")).getText()).contains("Quầy mượn trả", "Đăng xuất");
            browser.accessible();
            browser.screenshot("desk");

            // the patron's card, then two books: lent
            scan(browser, "hs-an");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("patron-name"), "Nguyễn Văn An"));
            scan(browser, "TN-001");
            loanShown(browser, "TN-001");
            assertThat(message(browser, ".done")).startsWith("Đã cho mượn “Dế Mèn phiêu lưu ký”, hạn trả ");
            scan(browser, "TN-020");
            loanShown(browser, "TN-020");

            // a third is refused: the problem detail's Vietnamese message, at once
            scan(browser, "TN-002");
            assertThat(message(browser, ".problem[role=alert]"))
                    .isEqualTo("Bạn đọc hs-an đang mượn 2 bản, bằng số tối đa được phép. Cần trả bớt sách trước khi mượn thêm.");
            assertThat(browser.driver.findElements(By.cssSelector("li[data-barcode='TN-002']"))).isEmpty();
            browser.accessible();
            browser.screenshot("desk-refusal");

            // renewed from the keyboard: Tab to the button, Enter
            WebElement renew = browser.driver.findElement(By.cssSelector("li[data-barcode='TN-020'] button"));
            renew.sendKeys(Keys.ENTER);
            assertThat(message(browser, ".done")).startsWith("Đã gia hạn “Kính vạn hoa” đến ");

            // Esc: no patron in hand; a book scanned now is taken back
            browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".no-patron")));
            scan(browser, "TN-001");
            assertThat(message(browser, ".done")).isEqualTo("Đã nhận trả “Dế Mèn phiêu lưu ký”.");
            browser.accessible();
            browser.screenshot("desk-checkin");
            // a code that is nobody and nothing
            scan(browser, "KHONG-CO");
            assertThat(message(browser, ".problem")).isEqualTo("Không có bạn đọc hay bản sách nào mang mã KHONG-CO.");

            // a class at the desk: Enter on a barcode to the loan shown, each lent and brought back
            scan(browser, "hs-binh");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("patron-name"), "Trần Thị Bình"));
            List<Double> lending = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                browser.script("window.motsachDeskTimings = []");
                scan(browser, "TN-010");
                loanShown(browser, "TN-010");
                browser.wait.until(driver -> ((Number) browser.script("return window.motsachDeskTimings.length")).intValue() > 0);
                lending.add(((Number) browser.script("return window.motsachDeskTimings[0]")).doubleValue());
                scan(browser, "TN-010");
                browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("li[data-barcode='TN-010']"), 0));
            }
            report("desk, Enter to loan shown (ms)", lending);
            report("desk, scripts loaded, gzipped (KB)", List.of(browser.scriptBytesGzipped() / 1024.0));
        }
    }

    @Test
    void aLibrarianCorrectsACopysDetailsOnItsTitlesPage() {
        try (Browser browser = new Browser(port)) {
            browser.open("/catalogue/titles/" + kinhVanHoaId);
            browser.wait.until(ExpectedConditions.urlContains("/signin"));
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("thu-thu-web");
            browser.driver.findElement(By.id("password")).sendKeys("muon-tra-ca-ngay", Keys.ENTER);
            By edit = By.cssSelector("tr[data-barcode='TN-021'] button[aria-label='Sửa thông tin bản TN-021']");
            browser.wait.until(ExpectedConditions.elementToBeClickable(edit)).click();
            WebElement price = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-price")));
            browser.accessible();
            price.sendKeys("52.000");
            browser.driver.findElement(By.id("edit-call-number")).sendKeys("895.9223 NG527A");
            browser.driver.findElement(By.id("edit-in-library")).click();
            browser.driver.findElement(By.cssSelector("form.copy-edit button[type=submit]")).click();

            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".done"))).getText())
                    .isEqualTo("Đã lưu thông tin bản TN-021.");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-barcode='TN-021']"),
                    "Chỉ đọc tại thư viện"));
            browser.driver.findElement(edit).click();
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-price"))).getAttribute("value"))
                    .isEqualTo("52000");
            assertThat(browser.driver.findElement(By.id("edit-call-number")).getAttribute("value")).isEqualTo("895.9223 NG527A");
        }
    }

    @Test
    void aTeacherIsNotShownTheDeskAndCannotOpenIt() {
        try (Browser browser = new Browser(port)) {
            browser.open("/signin");
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("co-giao-web");
            browser.driver.findElement(By.id("password")).sendKeys("day-hoc-ca-ngay", Keys.ENTER);
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".top"), "Đăng xuất"));
            assertThat(browser.driver.findElement(By.cssSelector(".top")).getText()).contains("Tra cứu sách")
                    .doesNotContain("Quầy mượn trả");
            browser.open("/desk");
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main [role=alert]")))
                    .getText()).isEqualTo("Tài khoản của bạn không mở được trang này.");
            assertThat(browser.driver.findElements(By.id("scan"))).isEmpty();
            // signed out: the session's cookie no longer signs anyone in
            browser.driver.findElement(By.xpath("//button[text()='Đăng xuất']")).sendKeys(Keys.ENTER);
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".top"), "Đăng nhập"));
            browser.open("/desk");
            browser.wait.until(ExpectedConditions.urlContains("/signin"));
        }
    }

    private static String title(ApiClient admin, LibraryFixture library, String title, String author, String classification) {
        ApiClient.Answer created = library.expect(201, admin.post(library.base() + "/titles", """
                        {"title":"%s","authors":["%s"],"classification":"%s","subjects":["Văn học thiếu nhi"],
                         "docType":"CHILDREN","language":"vie"}""".formatted(title, author, classification)));
        return created.text("titleId");
    }

    private static void scan(Browser browser, String code) {
        browser.driver.findElement(By.id("scan")).sendKeys(code, Keys.ENTER);
    }

    private static void loanShown(Browser browser, String barcode) {
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-barcode='" + barcode + "']")));
    }

    private static String message(Browser browser, String selector) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message-area " + selector)))
                .getText();
    }

    private static List<String> titles(Browser browser) {
        return browser.driver.findElements(By.cssSelector(".titles h2")).stream().map(WebElement::getText).toList();
    }

    /** The figures are reported (in the build's output and target/web-figures.txt), never asserted. */
    private static void report(String what, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        String line = sorted.size() <= 2
                ? "%s: %s".formatted(what, String.join(", ", values.stream().map(v -> "%.1f".formatted(v)).toList()))
                : "%s: n=%d p50=%.1f p95=%.1f max=%.1f".formatted(what, sorted.size(), sorted.get(sorted.size() / 2),
                        sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(sorted.size() - 1));
        System.out.println("[web figures] " + line);
        try {
            Files.writeString(FIGURES, line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
