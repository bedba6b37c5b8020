package vn.motsach.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both named by path, so that
 * Selenium never looks for (or downloads) a browser or a driver of its own. Accessibility is
 * checked with axe-core from the web module's npm dependencies, injected into the page.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("motsach.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("motsach.chromedriver", "/usr/bin/chromedriver"));
    private static final Path AXE = Path.of("../../web/node_modules/axe-core/axe.min.js");
    /**
     * Every run keeps its screenshots under target; {@code -Dmotsach.screenshots.update=true} also
     * replaces the ones under docs/screenshots that reviewers see, so a test run leaves the
     * working tree as it was.
     */
    private static final Path SCREENSHOTS = Path.of(Boolean.getBoolean("motsach.screenshots.update")
            ? "../../docs/screenshots" : "target/screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final String base;

    Browser(int port) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=vi-VN", "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        this.base = "http://127.0.0.1:" + port;
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void open(String path) {
        driver.get(base + path);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** The page's serious and critical WCAG 2.1 A/AA violations, as axe-core finds them. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> seriousViolations() {
        try {
            script(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core comes with the web module's npm ci", e);
        }
        Object found = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(result => done(result.violations
                     .filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.map(n => n.target.join(' ')).join(', ')}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: ''}]));""");
        return (List<Map<String, Object>>) found;
    }

    void accessible() {
        assertThat(seriousViolations()).as("axe-core on " + driver.getCurrentUrl()).isEmpty();
    }

    /**
     * From now on, keeps every file the page hands to the browser to save (the app fetches a
     * document with the session's token and makes a blob URL of it), for {@link #keptDownload}
     * to read: headless Chromium's own downloads are not the test's to reach. Set again after a
     * page load; the app's own navigation keeps it.
     */
    void keepDownloads() {
        script("""
                window.motsachDownloads = [];
                const make = URL.createObjectURL.bind(URL);
                URL.createObjectURL = (blob) => { window.motsachDownloads.push(blob); return make(blob); };""");
    }

    /** The bytes of the {@code index}th file kept since {@link #keepDownloads}, once the page has made it. */
    byte[] keptDownload(int index) {
        wait.until(driver -> ((Number) script("return window.motsachDownloads.length")).intValue() > index);
        String base64 = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const reader = new FileReader();
                reader.onload = () => done(reader.result.substring(reader.result.indexOf(',') + 1));
                reader.readAsDataURL(window.motsachDownloads[arguments[0]]);""", index);
        return java.util.Base64.getDecoder().decode(base64);
    }

    /** The page as the browser shows it, for a reviewer to see. */
    void screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gzipped size of the scripts the page loaded, read from the web module's jar on the class path. */
    @SuppressWarnings("unchecked")
    long scriptBytesGzipped() {
        List<String> scripts = (List<String>) script("""
                return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)
                  .filter(p => p.endsWith('.js'));""");
        long total = 0;
        for (String script : scripts) {
            try (var in = Browser.class.getResourceAsStream("/static" + script)) {
                assertThat(in).as(script).isNotNull();
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                    in.transferTo(gzip);
                }
                total += zipped.size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    @Override
    public void close() {
        driver.quit();
    }

    WebDriver driver() {
        return driver;
    }
}
