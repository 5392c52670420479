package org.civicassist.assistant.quality;

import org.civicassist.assistant.testing.HandoffApplicationTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality screen of the maintainers' console in headless Chromium, with the keyboard only: start an evaluation
 * (the {@link StandInEval} process), see it running and refused a second time, then finished with its figures and its
 * report.html in a sandboxed frame where the report's own script does not run; axe-core finds no serious or critical
 * violation.
 */
@TestPropertySource(properties = "spring.application.name=quality-console-tests")
class QualityConsoleBrowserTest extends HandoffApplicationTestBase {

    private static final String[] SERIOUS = {"serious", "critical"};
    static final Path DIR = QualityApiTest.temp();
    static final Path RELEASE = DIR.resolve("release");

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        List<String> command = StandInEval.command(RELEASE.toString(), 0);
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            registry.add("assistant.quality.command[" + i + "]", () -> arg);
        }
        registry.add("assistant.quality.reports", () -> DIR.resolve("runs").toString());
    }

    private ChromeDriver browser;
    private ChromeDriverService service;

    @BeforeEach
    void startBrowser() throws Exception {
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chrome")), "profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    private WebElement visible(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void waitForText(By by, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(by,
                text));
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private void keys(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** Presses Tab until the element has the focus: it is reachable with the keyboard, in the page's order. */
    private WebElement tabTo(By by) {
        WebElement target = visible(by);
        for (int i = 0; i < 200; i++) {
            if (target.equals(focused())) {
                return target;
            }
            keys(Keys.TAB);
        }
        throw new AssertionError("not reachable with Tab: " + by);
    }

    private void assertFocusOn(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> id.equals(focused().getAttribute("id")));
    }

    /** axe on the console's document; the report's frame is the harness's page, sandboxed without script. */
    @SuppressWarnings("unchecked")
    private List<String> axeViolations() {
        String source;
        try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((JavascriptExecutor) browser).executeScript(source);
        return (List<String>) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; var impacts = arguments[0];"
                        + "axe.run(document, {resultTypes: ['violations'], iframes: false}).then(function (r) {"
                        + "  done(r.violations.filter(function (v) { return impacts.indexOf(v.impact) >= 0; })"
                        + "    .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' — '"
                        + "      + v.nodes.map(function (n) { return JSON.stringify(n.target) + ' ' + n.failureSummary; })"
                        + "        .join(' | '); }));"
                        + "}, function (e) { done(['axe failed: ' + e]); });", List.of(SERIOUS));
    }

    @Test
    void a_maintainer_runs_the_evaluation_and_reads_the_report_with_the_keyboard() throws Exception {
        Files.deleteIfExists(RELEASE);
        api.maintainer(api.login(ADMIN, ADMIN_PASSWORD), "lina", "李娜");
        browser.get(api.baseUrl() + "/admin/");
        tabTo(By.id("login-username"));
        keys("lina", Keys.TAB, "lina-password-1", Keys.ENTER);
        waitForText(By.id("who-name"), "李娜");

        // the quality tab: nothing run yet
        tabTo(By.id("tab-quality"));
        keys(Keys.ENTER);
        assertFocusOn("quality-title");
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        assertThat(visible(By.id("quality-never")).getText()).contains("还没有运行过评测");
        waitForText(By.id("quality-run"), "当前知识库");
        assertThat(axeViolations()).as("quality screen before any run").isEmpty();

        // start a run: it runs, with its output; a second start is refused while it does
        tabTo(By.id("quality-start"));
        keys(Keys.ENTER);
        waitForText(By.id("notice"), "评测已开始");
        waitForText(By.id("quality-run"), "运行中");
        waitForText(By.id("quality-output"), "stand-in eval on");
        assertThat(browser.findElement(By.id("quality-run")).getText()).contains("lina");
        assertThat(axeViolations()).as("quality screen while running").isEmpty();
        tabTo(By.id("quality-start"));
        keys(Keys.ENTER);
        waitForText(By.id("notice"), "已有一次评测正在运行");

        // it ends: finished, its figures, and its report in the sandboxed frame, whose script did not run
        Files.createFile(RELEASE);
        waitForText(By.id("quality-run"), "已完成");
        waitForText(By.id("quality-table"), "解答率 (resolution)");
        assertThat(browser.findElement(By.id("quality-table")).getText()).contains("0.750").contains("dev");
        assertThat(browser.findElement(By.id("quality-output")).getText()).contains("[OK] dev");
        assertThat(browser.findElement(By.id("quality-table")).getText()).contains("0.900").contains("common");
        // the first report is shown in the sandboxed frame
        WebElement frame = visible(By.id("quality-frame"));
        assertThat(frame.getAttribute("sandbox")).isEmpty();
        assertThat(frame.getAttribute("src")).contains("/reports/common/report.html?ticket=");
        browser.switchTo().frame(frame);
        waitForText(By.id("figure"), "resolution 0.900");
        browser.switchTo().defaultContent();
        assertThat(axeViolations()).as("quality screen with the report").isEmpty();

        // the other, chosen with the keyboard; its script did not run (it would have set the title)
        tabTo(By.cssSelector("#quality-reports button[data-report='dev']"));
        keys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("quality-frame"))
                .getAttribute("src").contains("/reports/dev/report.html?ticket="));
        assertThat(browser.findElement(By.id("quality-frame")).getAttribute("title")).isEqualTo("评测报告：dev");
        browser.switchTo().frame(browser.findElement(By.id("quality-frame")));
        waitForText(By.id("figure"), "resolution 0.750");
        assertThat(browser.findElement(By.tagName("title")).getAttribute("textContent")).isEqualTo("Evaluation: dev");
        browser.switchTo().defaultContent();

        // another tab hides the screen again
        tabTo(By.id("tab-dashboard"));
        keys(Keys.ENTER);
        assertFocusOn("dashboard-title");
        assertThat(browser.findElement(By.id("quality")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("tab-quality")).getAttribute("aria-current")).isNull();
    }
}
