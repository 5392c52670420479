package org.civicassist.assistant.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A headless Chromium for the staff and maintainers' consoles, with what their tests do with it: wait for an element
 * or a text, drive the page with the keyboard only (Tab to an element, type, Ctrl+A), check where the focus is, and
 * run axe for serious and critical violations. Every wait is for a condition, never a fixed time.
 */
public final class ConsoleBrowser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> SERIOUS = List.of("serious", "critical");

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private ConsoleBrowser(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** A browser with its own profile under target/chrome and a window of the given size. */
    public static ConsoleBrowser open(int width, int height) {
        try {
            Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chrome")), "profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                    "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            return new ConsoleBrowser(service, new ChromeDriver(service, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebElement visible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    public void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Ctrl+A in the focused field, so that what is typed next replaces its text. */
    public void selectAll() {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
    }

    /** Presses Tab until the element has the focus: it is reachable with the keyboard, in the page's order. */
    public WebElement tabTo(By by) {
        WebElement target = visible(by);
        for (int i = 0; i < 200; i++) {
            if (target.equals(focused())) {
                return target;
            }
            keys(Keys.TAB);
        }
        throw new AssertionError("not reachable with Tab: " + by);
    }

    /**
     * Waits until the element with this id has the focus. The id is read in the page in one step: asking the
     * focused element for its id in a second command fails with a stale reference when the page re-renders the
     * element in between (a list redrawn after an action).
     */
    public void assertFocusOn(String id) {
        new WebDriverWait(driver, WAIT).until(d -> id.equals(((JavascriptExecutor) d).executeScript(
                "return document.activeElement ? document.activeElement.id : null;")));
    }

    /**
     * axe's serious and critical violations on the page, each as "rule (impact): help — nodes".
     *
     * @param intoFrames whether axe also checks the page's frames (a sandboxed frame without script cannot be)
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAxeViolations(boolean intoFrames) {
        String source;
        try (InputStream in = ConsoleBrowser.class.getResourceAsStream("/axe/axe.min.js")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((JavascriptExecutor) driver).executeScript(source);
        return (List<String>) ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; var impacts = arguments[0];"
                        + "axe.run(document, {resultTypes: ['violations'], iframes: arguments[1]}).then(function (r) {"
                        + "  done(r.violations.filter(function (v) { return impacts.indexOf(v.impact) >= 0; })"
                        + "    .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' — '"
                        + "      + v.nodes.map(function (n) { return JSON.stringify(n.target) + ' ' + n.failureSummary; })"
                        + "        .join(' | '); }));"
                        + "}, function (e) { done(['axe failed: ' + e]); });", SERIOUS, intoFrames);
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
    }
}
