package org.civicassist.assistant.widget;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Real headless Chromium (Debian's {@code /usr/bin/chromium} and {@code chromedriver}) with a fresh profile under
 * {@code target/chrome}, and the widget's shadow DOM at hand: {@link #in} finds inside it.
 */
final class WidgetBrowser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final List<LogEntry> log = new ArrayList<>();
    private final Path profile;

    private WidgetBrowser(ChromeOptions options, Path profile) {
        this.profile = profile;
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    /** A desktop window of 1280×900 CSS pixels. */
    static WidgetBrowser desktop() {
        Path profile = profile();
        ChromeOptions options = options(profile);
        options.addArguments("--window-size=1280,900");
        return new WidgetBrowser(options, profile);
    }

    /** A phone screen of 360×740 CSS pixels (headless windows cannot be narrower than 500, so it is emulated). */
    static WidgetBrowser phone() {
        Path profile = profile();
        ChromeOptions options = options(profile);
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", 360, "height", 740, "pixelRatio", 1.0, "touch", true)));
        return new WidgetBrowser(options, profile);
    }

    /** A phone screen of the given CSS pixels, e.g. 320 wide for WCAG 1.4.10 reflow. */
    static WidgetBrowser phone(int width, int height) {
        Path profile = profile();
        ChromeOptions options = options(profile);
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
        return new WidgetBrowser(options, profile);
    }

    private static Path profile() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "chrome")), "profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        return options;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Runs the script in every page loaded from now on, before the page's own scripts (the widget's too). */
    WidgetBrowser beforeEveryPage(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
        return this;
    }

    /** Loads a page and waits until the widget is on it with its styles loaded. */
    WidgetBrowser load(String url) {
        driver.get(url);
        until(b -> Boolean.TRUE.equals(b.js("var h = document.getElementById('civic-assistant');"
                + "return !!h && !!h.shadowRoot && !h.shadowRoot.querySelector('.ca-root').hidden;")));
        return this;
    }

    SearchContext shadow() {
        return driver.findElement(By.id("civic-assistant")).getShadowRoot();
    }

    /** An element inside the widget. */
    WebElement in(String css) {
        return shadow().findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return shadow().findElements(By.cssSelector(css));
    }

    /** Waits for a visible element inside the widget. */
    WebElement visible(String css) {
        return until(b -> b.all(css).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    <T> T until(Function<WidgetBrowser, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(RuntimeException.class).until(d -> {
            T value = condition.apply(this);
            return value instanceof Boolean b && !b ? null : value;
        });
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Script run with {@code root} bound to the widget's shadow root. */
    Object inShadow(String script, Object... args) {
        return js("var root = document.getElementById('civic-assistant').shadowRoot;" + script, args);
    }

    /** The class attribute of the element that has focus inside the widget, or "" when focus is elsewhere. */
    String focused() {
        Object value = inShadow("var a = root.activeElement; return a ? (a.className || a.tagName) : '';");
        return value == null ? "" : value.toString();
    }

    /** Presses keys on whatever has focus, as a keyboard user does. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    void tab() {
        press(Keys.TAB);
    }

    void shiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    /** The transcript's messages (not the welcome) as their visible text. */
    List<String> messages() {
        List<String> out = new ArrayList<>();
        for (WebElement li : all(".ca-messages > .ca-msg:not(.ca-msg--welcome)")) {
            out.add(li.getText());
        }
        return out;
    }

    /** Waits until the latest assistant reply has finished streaming and returns it. */
    WebElement latestReply(int replies) {
        return until(b -> {
            List<WebElement> done = b.all(".ca-msg--assistant:not(.ca-msg--welcome):not([aria-busy])");
            return done.size() >= replies ? done.get(done.size() - 1) : null;
        });
    }

    /** Everything the page logged so far (console messages, CSP reports, failed loads). */
    List<LogEntry> log() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            log.add(e);
        }
        return List.copyOf(log);
    }

    void offline(boolean offline) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(offline);
        driver.setNetworkConditions(conditions);
    }

    /**
     * Runs axe-core on the page, open shadow roots included, and returns the violations of the given impacts as
     * "rule (impact): help — targets" lines.
     */
    @SuppressWarnings("unchecked")
    List<String> axeViolations(String... impacts) {
        js(axeSource());
        Object result = asyncJs("var done = arguments[arguments.length - 1]; var impacts = arguments[0];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) { return impacts.indexOf(v.impact) >= 0; })"
                + "    .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' — '"
                + "      + v.nodes.map(function (n) { return JSON.stringify(n.target) + ' ' + n.failureSummary; })"
                + "        .join(' | '); }));"
                + "}, function (e) { done(['axe failed: ' + e]); });", List.of(impacts));
        return (List<String>) result;
    }

    private static String axeSource() {
        try (InputStream in = WidgetBrowser.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    /** The profile is of no use after the test; Chromium leaves tens of megabytes in it. */
    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: it is under target/
        }
    }
}
