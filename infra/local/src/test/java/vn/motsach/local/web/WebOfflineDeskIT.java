package vn.motsach.local.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import tools.jackson.databind.JsonNode;
import vn.motsach.testing.LibraryFixture;

/**
 * The desk without the network, in Debian's Chromium against the whole local system: loaded
 * once online, it is taken offline (Chromium's own offline switch for the page, and the cable
 * pulled so that its service worker cannot reach the server either), lends and takes back,
 * is reloaded from the service worker's cache and still shows its records waiting, is closed
 * and opened in a new tab, and once the network is back uploads them: every record applied
 * once, as the API then shows.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebOfflineDeskIT {

    private static final String SCHOOL = "th-mat-mang";
    private static final String LIBRARIAN = "thu-thu-mat-mang";
    private static final String PASSWORD = "muon-tra-khi-mat-mang";
    private static final String DE_MEN = "Dế Mèn phiêu lưu ký";

    @LocalServerPort
    int port;

    private ApiClient admin;
    private LibraryFixture library;

    @BeforeAll
    void aSchoolWithBooksOneOfThemLentAndALibrarian() {
        assumeTrue(Browser.installed(), "the browser tests need Debian's chromium and chromium-driver (apt-get install)");
        admin = new ApiClient(port);
        library = LibraryFixture.primarySchool(admin, SCHOOL);
        String deMen = library.title(DE_MEN);
        String kinhVanHoa = library.title("Kính vạn hoa");
        library.copy("MM-301", deMen);
        library.copy("MM-302", kinhVanHoa);
        library.copy("MM-303", kinhVanHoa);
        long lent = library.expect(201, library.checkOut("MM-302", "hs-an")).eventPosition();
        assertThat(admin.get(library.base() + "/loans", "X-Min-Event-Position", Long.toString(lent)).status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/accounts/" + LIBRARIAN,
                "{\"password\":\"" + PASSWORD + "\",\"roles\":[\"LIBRARIAN\"],\"schoolId\":\"" + SCHOOL + "\"}").status())
                .isEqualTo(201);
    }

    @Test
    void theDeskLendsAndTakesBackOfflineKeepsItsRecordsAcrossAReloadAndANewTabAndAppliesEachOnceWhenOnline() {
        try (NetworkCable cable = new NetworkCable(port); Browser browser = signedIn(cable.port(), "/desk")) {
            readyToGoOffline(browser);

            cable.unplug();
            browser.driver.executeCdpCommand("Network.enable", Map.of());
            browser.driver.executeCdpCommand("Network.emulateNetworkConditions",
                    Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));

            // lend two books to Bình, take one of them back, and take back An's book lent online before
            scan(browser, "hs-binh");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("patron-name"), "Trần Thị Bình"));
            scan(browser, "MM-301");
            assertThat(message(browser)).isEqualTo("Đã ghi cho mượn “" + DE_MEN + "” (ngoại tuyến, chờ gửi).");
            waiting(browser, 1);
            scan(browser, "MM-303");
            waiting(browser, 2);
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".patron .loans"), DE_MEN));
            browser.driver.findElement(By.id("scan")).sendKeys(Keys.ESCAPE);
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".no-patron")));
            scan(browser, "MM-303");
            waiting(browser, 3);
            assertThat(message(browser)).isEqualTo("Đã ghi nhận trả “Kính vạn hoa” (ngoại tuyến, chờ gửi).");
            scan(browser, "MM-302");
            waiting(browser, 4);
            assertThat(browser.driver.findElements(By.cssSelector(".waiting-records li")).stream()
                    .map(item -> item.getAttribute("data-kind") + " " + item.getAttribute("data-barcode")).toList())
                    .containsExactly("CHECKOUT MM-301", "CHECKOUT MM-303", "CHECKIN MM-303", "CHECKIN MM-302");
            browser.accessible();
            browser.screenshot("desk-offline");

            // the page again, from the service worker's cache: the records still wait
            browser.driver.navigate().refresh();
            waiting(browser, 4);
            browser.accessible();

            // the tab closed, the desk opened in another one, still without the network
            String closing = browser.driver.getWindowHandle();
            browser.driver.switchTo().newWindow(WindowType.TAB);
            String reopened = browser.driver.getWindowHandle();
            browser.driver.switchTo().window(closing).close();
            browser.driver.switchTo().window(reopened);
            browser.open("/desk");
            waiting(browser, 4);

            // the network is back: the desk finds out by itself and uploads in the order things happened
            cable.plugIn();
            new WebDriverWait(browser.driver, Duration.ofSeconds(45)).until(
                    ExpectedConditions.numberOfElementsToBe(By.cssSelector(".offline-outcomes li[data-status=APPLIED]"), 4));
            assertThat(browser.driver.findElements(By.cssSelector(".offline-state"))).isEmpty();
            assertThat(browser.driver.findElement(By.cssSelector(".offline-outcomes")).getText())
                    .contains("Cho mượn · MM-301 · “" + DE_MEN + "” · hs-binh", "Đã ghi nhận");
            browser.accessible();
            browser.screenshot("desk-offline-uploaded");
        }

        // each record applied once: one loan of each book lent, the ones taken back closed
        List<JsonNode> binh = eventually(() -> loans("hs-binh"), found -> found.size() == 2
                && found.stream().anyMatch(loan -> loan.path("barcode").asText().equals("MM-303") && returned(loan)));
        assertThat(binh).extracting(loan -> loan.path("barcode").asText()).containsExactlyInAnyOrder("MM-301", "MM-303");
        assertThat(binh).filteredOn(loan -> loan.path("barcode").asText().equals("MM-301"))
                .singleElement().satisfies(loan -> assertThat(returned(loan)).isFalse());
        List<JsonNode> an = eventually(() -> loans("hs-an"), found -> !found.isEmpty() && found.stream().allMatch(WebOfflineDeskIT::returned));
        assertThat(an).extracting(loan -> loan.path("barcode").asText()).containsExactly("MM-302");
    }

    /**
     * The service worker is active and has the desk's page and files, and the snapshot of the
     * school is taken. The page itself is not controlled by the worker: it was first /signin,
     * outside the worker's scope; a reload of /desk is.
     */
    private void readyToGoOffline(Browser browser) {
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan")));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(driver -> {
            Object cached = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const within = (promise, what) => Promise.race([promise,
                      new Promise((_, late) => setTimeout(() => late(new Error(what + ' late')), 3000))]);
                    within(navigator.serviceWorker.getRegistration('/desk'), 'registration')
                      .then(registration => registration && registration.active ? within(caches.keys(), 'caches') : [])
                      .then(names => within(Promise.all(names.map(name => caches.open(name).then(cache => cache.keys()))), 'keys'))
                      .then(lists => done(lists.flat().map(request => new URL(request.url).pathname)))
                      .catch(e => done(['not yet: ' + e.message]));""");
            List<?> paths = (List<?>) cached;
            boolean files = paths.contains("/desk") && paths.stream().anyMatch(path -> path.toString().matches("/assets/Desk-.*\\.js"))
                    && paths.stream().anyMatch(path -> path.toString().matches("/assets/index-.*\\.js"));
            Object takenAt = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    setTimeout(() => done(null), 3000);
                    const open = indexedDB.open('motsach-offline-desk:' + arguments[0]);
                    open.onerror = () => done(null);
                    open.onsuccess = () => {
                      const db = open.result;
                      if (!db.objectStoreNames.contains('about')) { db.close(); return done(null); }
                      const read = db.transaction('about').objectStore('about').get('takenAt');
                      read.onsuccess = () => { db.close(); done(read.result ?? null); };
                      read.onerror = () => { db.close(); done(null); };
                    };""", SCHOOL);
            return files && takenAt != null;
        });
    }

    private Browser signedIn(int browserPort, String path) {
        Browser browser = new Browser(browserPort);
        browser.open("/signin?next=" + path);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(LIBRARIAN);
        browser.driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".top"), "Đăng xuất"));
        browser.wait.until(ExpectedConditions.urlContains(path));
        return browser;
    }

    private static void scan(Browser browser, String code) {
        browser.driver.findElement(By.id("scan")).sendKeys(code, Keys.ENTER);
    }

    private static String message(Browser browser) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message-area .done"))).getText();
    }

    private static void waiting(Browser browser, int records) {
        browser.wait.until(ExpectedConditions.textToBe(By.id("offline-heading"), "Ngoại tuyến — " + records + " bản ghi đang chờ"));
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".waiting-records li"), records));
    }

    private List<JsonNode> loans(String patron) {
        ApiClient.Answer answer = admin.get(library.base() + "/patrons/" + patron + "/loans?status=ALL");
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        answer.json().path("items").forEach(found::add);
        return found;
    }

    private static boolean returned(JsonNode loan) {
        return !loan.path("returnedAt").isNull() && !loan.path("returnedAt").isMissingNode();
    }

    /** The query side catches up with the upload's events: read until the answer is whole. */
    private static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> whole) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T last = read.get();
        while (!whole.test(last) && System.nanoTime() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = read.get();
        }
        return last;
    }
}
