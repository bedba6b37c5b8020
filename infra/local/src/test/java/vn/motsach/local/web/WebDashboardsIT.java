package vn.motsach.local.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motsach.infra.time.TimeAutoConfiguration;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * The dashboards in Debian's Chromium against the whole local system: a teacher's class chart
 * moving after a loan (the analytics are eventually consistent: the page is refreshed until the
 * loan is counted), a teacher refused another class with the API's own message, the school
 * administrator's targets and classes with the school's Circular 16 level and what it lacks, the
 * reports downloaded; the authority's schools with their levels and its liên thông group. Each
 * page is checked with axe-core and kept as a screenshot.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebDashboardsIT {

    private static final String SCHOOL = "thcs-web-dash";
    private static final String OTHER_SCHOOL = "thcs-web-dash-2";
    private static final String AUTHORITY = "xa-web-dash";
    private static final String GROUP = "cum-web-dash";
    private static final Duration ANALYTICS = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    private ApiClient admin;
    private LibraryFixture library;
    private LocalDate today;
    private String year;

    @BeforeAll
    void twoSchoolsOfAnAuthorityWithAClassThatReads() {
        assumeTrue(Browser.installed(), "the browser tests need Debian's chromium and chromium-driver (apt-get install)");
        admin = new ApiClient(port);
        today = LocalDate.now(clock.withZone(TimeAutoConfiguration.SCHOOL_ZONE));
        year = LibraryFixture.schoolYearHolding(today);
        library = LibraryFixture.lowerSecondaryThisYear(admin, SCHOOL, "Trường THCS Bình Minh", AUTHORITY, today);
        LibraryFixture.lowerSecondaryThisYear(admin, OTHER_SCHOOL, "Trường THCS Ánh Dương", AUTHORITY, today);
        for (String classId : new String[] {"6a1", "6a2"}) {
            library.expect(201, admin.put(library.base() + "/classes/" + classId,
                    "{\"name\":\"" + classId.toUpperCase() + "\",\"grade\":6,\"schoolYear\":\"" + year + "\"}"));
        }
        library.patron("hs-mot", "Nguyễn Văn Một", "STUDENT", "6a1");
        library.patron("hs-hai", "Trần Thị Hai", "STUDENT", "6a1");
        library.patron("hs-ba", "Lê Văn Ba", "STUDENT", "6a1");
        library.patron("hs-nam", "Hoàng Văn Năm", "STUDENT", "6a2");
        String title = library.title("Dế Mèn phiêu lưu ký");
        library.copy("DM-1", title);
        library.copy("DM-2", title);
        library.expect(201, library.checkOut("DM-1", "hs-mot"));
        library.expect(201, admin.post(library.base() + "/library-periods",
                "{\"classId\":\"6a1\",\"heldOn\":\"" + today + "\",\"activity\":\"FREE_READING\",\"attendeeIds\":[\"hs-mot\",\"hs-ba\"]}"));
        library.expect(201, admin.post(library.base() + "/reading-events", "{\"name\":\"Ngày hội đọc sách\",\"kind\":\"READING_DAY\","
                + "\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today + "\",\"classIds\":[\"6a1\"]}"));
        library.expect(201, admin.put(library.base() + "/reading-targets/doc-6a1", "{\"metric\":\"ACTIVE_READER_RATE\","
                + "\"scope\":\"CLASS\",\"scopeId\":\"6a1\",\"period\":\"WEEK\",\"threshold\":0.5}"));
        library.expect(201, admin.put(library.base() + "/reading-targets/muon-ca-truong", "{\"metric\":\"LOANS_PER_STUDENT\","
                + "\"scope\":\"SCHOOL\",\"period\":\"SEMESTER\",\"threshold\":3}"));
        // a liên thông group of the authority's two schools, formed through the API
        library.expect(201, admin.put("/api/v1/authorities/" + AUTHORITY + "/interop-groups/" + GROUP,
                "{\"name\":\"Cụm thư viện Bình Minh – Ánh Dương\",\"sharing\":\"AVAILABILITY\",\"schoolIds\":[\""
                        + SCHOOL + "\",\"" + OTHER_SCHOOL + "\"]}"));
        account("co-giao-6a1", "TEACHER", "\"schoolId\":\"" + SCHOOL + "\",\"classIds\":[\"6a1\"]");
        account("hieu-truong-dash", "SCHOOL_ADMIN", "\"schoolId\":\"" + SCHOOL + "\"");
        account("chuyen-vien-dash", "AUTHORITY_ADMIN", "\"authorityId\":\"" + AUTHORITY + "\"");

        // the pages open on figures that have settled: this week's one loan, the targets measured, both schools
        String week = "?period=WEEK&on=" + today;
        await().atMost(ANALYTICS).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode ofClass = admin.get(library.base() + "/classes/6a1/reading-metrics" + week).json();
            assertThat(ofClass.path("loans").asLong()).isEqualTo(1);
            assertThat(ofClass.path("libraryPeriods").asLong()).isEqualTo(1);
            JsonNode targets = admin.get(library.base() + "/reading-targets").json().path("items");
            assertThat(targets.size()).isEqualTo(2);
            assertThat(targets.get(0).path("value").isNull()).isFalse();
            assertThat(admin.get("/api/v1/authorities/" + AUTHORITY + "/reading-metrics").json().path("schools").size())
                    .isEqualTo(2);
            // Circular 16: two copies for four students fall short of level 1 on copies per student
            JsonNode evaluation = admin.get(library.base() + "/circular-16/" + year).json();
            assertThat(evaluation.path("level").asString()).isEqualTo("NOT_MET");
            assertThat(evaluation.path("missingForNextLevel").toString()).contains("\"criterionId\":\"S1-COPIES-PER-STUDENT\"");
            assertThat(admin.get("/api/v1/authorities/" + AUTHORITY + "/interop-groups").json().path("items").size()).isEqualTo(1);
        });
    }

    @Test
    void theClassChartMovesAfterALoan() {
        try (Browser browser = new Browser(port)) {
            signIn(browser, "/dashboard/classes", "co-giao-6a1");
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Lớp 6A1"))).click();
            String thisWeek = "tr[data-week='" + today.with(DayOfWeek.MONDAY) + "']";
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(thisWeek + " td.loans"), "1"));
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Văn hóa đọc lớp 6A1");
            assertThat(browser.driver.findElements(By.cssSelector(".weekly canvas"))).isNotEmpty();
            assertThat(browser.driver.findElement(By.cssSelector(".not-borrowed")).getText())
                    .contains("Lê Văn Ba", "Trần Thị Hai").doesNotContain("Nguyễn Văn Một");
            assertThat(browser.driver.findElement(By.cssSelector("tr[data-patron='hs-ba']")).getText()).isEqualTo("Lê Văn Ba 0 0 1");
            assertThat(browser.driver.findElement(By.cssSelector("table.periods")).getText()).contains("Đọc tự do", "2/3");
            assertThat(browser.driver.findElement(By.cssSelector("table.events")).getText()).contains("Ngày hội đọc sách");

            library.expect(201, library.checkOut("DM-2", "hs-hai"));
            // the analytics count the loan a moment later: the teacher refreshes until it shows
            new WebDriverWait(browser.driver, ANALYTICS).pollingEvery(Duration.ofSeconds(2)).until(driver -> {
                driver.findElement(By.xpath("//button[text()='Cập nhật số liệu']")).click();
                return driver.findElement(By.cssSelector(thisWeek + " td.loans")).getText().equals("2");
            });
            browser.wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".not-borrowed"), "Trần Thị Hai")));
            browser.accessible();
            browser.screenshot("dashboard-class");
        }
    }

    @Test
    void aTeacherCannotOpenAnotherClass() {
        try (Browser browser = new Browser(port)) {
            signIn(browser, "/dashboard/classes", "co-giao-6a1");
            WebElement classes = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cards.classes")));
            assertThat(classes.getText()).contains("Lớp 6A1").doesNotContain("6A2");
            assertThat(browser.driver.findElement(By.cssSelector(".top")).getText()).contains("Lớp của tôi")
                    .doesNotContain("Tổng quan trường", "Quầy mượn trả");

            browser.open("/dashboard/classes/6a2");
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .problem[role=alert]")))
                    .getText()).isEqualTo("Giáo viên chỉ xem và ghi nhận hoạt động của các lớp mình phụ trách (lớp 6a2).");
            assertThat(browser.driver.findElements(By.cssSelector(".weekly, .not-borrowed"))).isEmpty();
            assertThat(browser.driver.getPageSource()).doesNotContain("Hoàng Văn Năm", "hs-nam");
            browser.accessible();
            browser.screenshot("dashboard-class-refused");

            browser.open("/dashboard/school");
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main [role=alert]")))
                    .getText()).isEqualTo("Tài khoản của bạn không mở được trang này.");
        }
    }

    @Test
    void theSchoolAdministratorSeesTheTargetsProgressAndTheClassesCompared() {
        try (Browser browser = new Browser(port)) {
            signIn(browser, "/dashboard/school", "hieu-truong-dash");
            WebElement target = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("li[data-target='doc-6a1']")));
            assertThat(target.getText()).contains("Tỉ lệ bạn đọc tích cực", "Lớp 6a1", "Tuần này", "mục tiêu 50%");
            assertThat(Double.parseDouble(target.findElement(By.tagName("progress")).getAttribute("value"))).isPositive();
            assertThat(target.findElement(By.cssSelector(".target-state")).getText())
                    .isIn("Đúng tiến độ", "Chậm tiến độ", "Đã đạt");
            assertThat(browser.driver.findElement(By.cssSelector("li[data-target='muon-ca-truong']")).getText())
                    .contains("Lượt mượn mỗi học sinh", "Toàn trường", "Học kỳ này", "mục tiêu 3,0");

            WebElement compared = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-class='6a1']")));
            assertThat(compared.getText()).startsWith("6A1");
            assertThat(browser.driver.findElements(By.cssSelector("tr[data-class='6a2']"))).hasSize(1);
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Trường THCS Bình Minh");
            // Circular 16: the school's level, each standard's, and what it lacks for level 1 in words
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".circular-16 .level-line")))
                    .getText()).startsWith("Mức đạt: Chưa đạt");
            assertThat(browser.driver.findElements(By.cssSelector(".circular-16 .standards li"))).hasSize(5);
            assertThat(browser.driver.findElement(By.cssSelector(".circular-16 .standards li[data-standard='1']")).getText())
                    .startsWith("Tiêu chuẩn 1 – ").endsWith(": Chưa đạt");
            assertThat(browser.driver.findElement(By.xpath("//h3[text()='Còn thiếu để đạt Mức 1']")).isDisplayed()).isTrue();
            assertThat(browser.driver.findElement(By.cssSelector(".missing li[data-criterion='S1-COPIES-PER-STUDENT']")).getText())
                    .startsWith("Tiêu chuẩn 1 – Bổ sung ít nhất").contains("học sinh").endsWith("— hệ thống tính");
            for (String document : new String[] {"Mục lục sách (XLSX)", "Sổ đăng ký cá biệt (XLSX)", "Sổ đăng ký tổng quát (XLSX)",
                    "Thống kê thư viện năm học (XLSX)", "Báo cáo tự đánh giá Thông tư 16 (PDF)", "Báo cáo hoạt động học kỳ (PDF)"}) {
                downloaded(browser, document);
            }
            browser.driver.findElement(By.id("labels-from")).sendKeys("DM-1");
            browser.driver.findElement(By.id("labels-to")).sendKeys("DM-2", Keys.ENTER);
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".labels-form"), "Đã tải về."));
            browser.accessible();
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("dashboard-school");
        }
    }

    @Test
    void theAuthorityDashboardListsItsSchools() {
        try (Browser browser = new Browser(port)) {
            signIn(browser, "/dashboard/authority", "chuyen-vien-dash");
            WebElement first = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("tr[data-school='" + SCHOOL + "']")));
            assertThat(first.getText()).startsWith("Trường THCS Bình Minh");
            assertThat(browser.driver.findElement(By.cssSelector("tr[data-school='" + OTHER_SCHOOL + "']")).getText())
                    .startsWith("Trường THCS Ánh Dương");
            // sorted the Vietnamese way: Á after B would be wrong, Ánh comes first
            assertThat(browser.driver.findElements(By.cssSelector("table.schools tbody tr")).stream()
                    .map(row -> row.getAttribute("data-school")).toList()).containsExactly(OTHER_SCHOOL, SCHOOL);
            assertThat(browser.driver.findElement(By.cssSelector(".top")).getText()).contains("Tổng quan các trường")
                    .doesNotContain("Lớp của tôi", "Quầy mượn trả");
            WebElement level = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".circular-16-schools tr[data-school='" + SCHOOL + "']")));
            assertThat(level.getText()).startsWith("Trường THCS Bình Minh Chưa đạt");
            assertThat(level.findElements(By.cssSelector("td"))).hasSize(6);
            JsonNode total = admin.get("/api/v1/authorities/" + AUTHORITY + "/circular-16/" + year).json().path("total");
            assertThat(browser.driver.findElement(By.cssSelector(".circular-16 li[data-level='NOT_MET']")).getText())
                    .isEqualTo(total.path("notMet").asInt() + "\nChưa đạt · "
                            + total.path("notMetShare").decimalValue().stripTrailingZeros().toPlainString().replace('.', ',') + "%");
            assertThat(browser.driver.findElement(By.cssSelector(".level-summaries")).getText()).startsWith("Trung học cơ sở: ")
                    .contains("/2 trường");
            downloaded(browser, "Báo cáo Thông tư 16 (XLSX)");
            WebElement group = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".interop-groups li[data-group='" + GROUP + "']")));
            assertThat(group.getText()).contains("Cụm thư viện Bình Minh – Ánh Dương", "chia sẻ mục lục và tình trạng sách",
                    "Trường THCS Bình Minh", "Trường THCS Ánh Dương");
            // the group's figures for the year, read apart once the groups are shown
            assertThat(browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".interop-groups li[data-group='" + GROUP + "'] .interop-figures"))).getText())
                    .startsWith("Năm học " + year + ": 0 yêu cầu mượn liên thư viện");
            browser.accessible();
            browser.screenshot("dashboard-authority");
        }
    }

    /** Clicks a document's button and waits for the browser to have received it. */
    private static void downloaded(Browser browser, String label) {
        WebElement button = browser.driver.findElement(By.xpath("//button[text()='" + label + "']"));
        button.click();
        browser.wait.until(ExpectedConditions.textToBePresentInElement(button.findElement(By.xpath("..")), "Đã tải về."));
    }

    private void account(String username, String role, String scope) {
        assertThat(admin.put("/api/v1/accounts/" + username,
                "{\"password\":\"doc-sach-moi-ngay\",\"roles\":[\"" + role + "\"]," + scope + "}").status()).isEqualTo(201);
    }

    private static void signIn(Browser browser, String page, String username) {
        browser.open("/signin?next=" + page);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys("doc-sach-moi-ngay", Keys.ENTER);
        browser.wait.until(ExpectedConditions.urlContains(page));
    }
}
