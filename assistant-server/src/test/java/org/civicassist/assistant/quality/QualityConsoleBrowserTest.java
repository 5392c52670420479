package org.civicassist.assistant.quality;

import org.civicassist.assistant.testing.ConsoleBrowser;
import org.civicassist.assistant.testing.HandoffApplicationTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

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

    private ConsoleBrowser console;
    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        console = ConsoleBrowser.open(1280, 1000);
        browser = console.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void a_maintainer_runs_the_evaluation_and_reads_the_report_with_the_keyboard() throws Exception {
        Files.deleteIfExists(RELEASE);
        api.maintainer(api.login(ADMIN, ADMIN_PASSWORD), "lina", "李娜");
        browser.get(api.baseUrl() + "/admin/");
        console.tabTo(By.id("login-username"));
        console.keys("lina", Keys.TAB, "lina-password-1", Keys.ENTER);
        console.waitForText(By.id("who-name"), "李娜");

        // the quality tab: nothing run yet
        console.tabTo(By.id("tab-quality"));
        console.keys(Keys.ENTER);
        console.assertFocusOn("quality-title");
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
        assertThat(console.visible(By.id("quality-never")).getText()).contains("还没有运行过评测");
        console.waitForText(By.id("quality-run"), "当前知识库");
        assertThat(console.seriousAxeViolations(false)).as("quality screen before any run").isEmpty();

        // start a run: it runs, with its output; a second start is refused while it does
        console.tabTo(By.id("quality-start"));
        console.keys(Keys.ENTER);
        console.waitForText(By.id("notice"), "评测已开始");
        console.waitForText(By.id("quality-run"), "运行中");
        console.waitForText(By.id("quality-output"), "stand-in eval on");
        assertThat(browser.findElement(By.id("quality-run")).getText()).contains("lina");
        assertThat(console.seriousAxeViolations(false)).as("quality screen while running").isEmpty();
        console.tabTo(By.id("quality-start"));
        console.keys(Keys.ENTER);
        console.waitForText(By.id("notice"), "已有一次评测正在运行");

        // it ends: finished, its figures, and its report in the sandboxed frame, whose script did not run
        Files.createFile(RELEASE);
        console.waitForText(By.id("quality-run"), "已完成");
        console.waitForText(By.id("quality-table"), "解答率 (resolution)");
        assertThat(browser.findElement(By.id("quality-table")).getText()).contains("0.750").contains("dev");
        assertThat(browser.findElement(By.id("quality-output")).getText()).contains("[OK] dev");
        assertThat(browser.findElement(By.id("quality-table")).getText()).contains("0.900").contains("common");
        // the first report is shown in the sandboxed frame
        WebElement frame = console.visible(By.id("quality-frame"));
        assertThat(frame.getAttribute("sandbox")).isEmpty();
        assertThat(frame.getAttribute("src")).contains("/reports/common/report.html?ticket=");
        browser.switchTo().frame(frame);
        console.waitForText(By.id("figure"), "resolution 0.900");
        browser.switchTo().defaultContent();
        assertThat(console.seriousAxeViolations(false)).as("quality screen with the report").isEmpty();

        // the other, chosen with the keyboard; its script did not run (it would have set the title)
        console.tabTo(By.cssSelector("#quality-reports button[data-report='dev']"));
        console.keys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("quality-frame"))
                .getAttribute("src").contains("/reports/dev/report.html?ticket="));
        assertThat(browser.findElement(By.id("quality-frame")).getAttribute("title")).isEqualTo("评测报告：dev");
        browser.switchTo().frame(browser.findElement(By.id("quality-frame")));
        console.waitForText(By.id("figure"), "resolution 0.750");
        assertThat(browser.findElement(By.tagName("title")).getAttribute("textContent")).isEqualTo("Evaluation: dev");
        browser.switchTo().defaultContent();

        // another tab hides the screen again
        console.tabTo(By.id("tab-dashboard"));
        console.keys(Keys.ENTER);
        console.assertFocusOn("dashboard-title");
        assertThat(browser.findElement(By.id("quality")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("tab-quality")).getAttribute("aria-current")).isNull();
    }
}
