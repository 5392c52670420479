package org.civicassist.assistant.maintain;

import org.civicassist.assistant.testing.ApiClient.Citizen;
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
import org.springframework.http.MediaType;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintainers' console at /admin/ in headless Chromium, driven with the keyboard only (Tab, Enter, typing): each
 * screen works, focus goes where the next step is, and axe-core finds no serious or critical violation. A context
 * (and KB directory) of its own, so that the API tests' changes do not show here.
 */
@TestPropertySource(properties = "spring.application.name=maintainer-console-tests")
class MaintainerConsoleBrowserTest extends MaintainerTestBase {

    private static final String[] SERIOUS = {"serious", "critical"};

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

    // --- keyboard and page helpers ---

    private WebElement visible(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void waitForText(By by, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(by,
                text));
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private void keys(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** Ctrl+A in the focused field, so that what is typed next replaces its text. */
    private void selectAll() {
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
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
                        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                        + "  done(r.violations.filter(function (v) { return impacts.indexOf(v.impact) >= 0; })"
                        + "    .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' — '"
                        + "      + v.nodes.map(function (n) { return JSON.stringify(n.target) + ' ' + n.failureSummary; })"
                        + "        .join(' | '); }));"
                        + "}, function (e) { done(['axe failed: ' + e]); });", List.of(SERIOUS));
    }

    /** Logs in with the keyboard as a new maintainer. */
    private void logInAsMaintainer() {
        api.maintainer(api.login(ADMIN, ADMIN_PASSWORD), "zhao", "赵磊");
        browser.get(api.baseUrl() + "/admin/");
        assertThat(axeViolations()).as("login page").isEmpty();
        tabTo(By.id("login-username"));
        keys("zhao", Keys.TAB, "zhao-password-1", Keys.ENTER);
        waitForText(By.id("who-name"), "赵磊");
    }

    private void screen(String tab, String heading) {
        tabTo(By.id("tab-" + tab));
        keys(Keys.ENTER);
        assertFocusOn(heading);
    }

    // --- the screens ---

    @Test
    void dashboard__totals__charts_with_tables_by_day_and_domain__7_or_30_days() {
        // given: two questions today, one reply marked not useful
        Citizen c = api.open();
        api.say(c, "社保卡丢了怎么补办");
        api.http().post().uri("/api/v1/conversations/{id}/feedback", c.id()).header("X-Conversation-Token", c.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("message_id", "000002", "useful", false))
                .exchange().expectStatus().isOk();
        api.say(api.open(), "办护照要多久");

        // when: a maintainer logs in, the dashboard is the first screen
        logInAsMaintainer();
        waitForText(By.id("totals"), "提问数");

        // then: totals, a chart and the table of every day, and by domain
        assertThat(visible(By.id("totals")).getText()).contains("解答率").contains("澄清率").contains("转人工率")
                .contains("无帮助的回复");
        assertThat(browser.findElements(By.cssSelector("#days-table tbody tr"))).hasSize(7);
        assertThat(visible(By.id("days-table")).getText()).contains("2026-03-09");
        assertThat(browser.findElement(By.cssSelector("#days-chart svg")).getAttribute("role")).isEqualTo("img");
        assertThat(browser.findElements(By.cssSelector("#days-chart svg rect.bar"))).hasSize(7);
        assertThat(visible(By.id("domains-table")).getText()).contains("社保").contains("出入境");
        // every question of the period was asked today (the tests' clock stands still): today's row is the total
        WebElement today = browser.findElement(By.xpath("//table[@id='days-table']//tr[th='2026-03-09']"));
        String asked = browser.findElement(By.xpath("//dl[@id='totals']/div[dt='提问数']/dd")).getText();
        assertThat(Integer.parseInt(asked)).isGreaterThanOrEqualTo(2);
        assertThat(today.findElements(By.tagName("td")).get(0).getText()).isEqualTo(asked);
        assertThat(Integer.parseInt(today.findElements(By.tagName("td")).get(4).getText())).isPositive();
        assertThat(axeViolations()).as("dashboard").isEmpty();

        // the last 30 days, with the keyboard
        tabTo(By.id("period"));
        keys(Keys.ARROW_DOWN);
        tabTo(By.cssSelector("#period-form button"));
        keys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector("#days-table tbody tr")).size() == 30);
    }

    @Test
    void knowledge_gaps__linked_to_an_existing_item_with_the_kb_search__and_the_suggestion_accepted() {
        // given: a question the assistant could not answer
        Citizen c = api.open();
        api.say(c, "我的卡丢了要怎么重新办理");
        logInAsMaintainer();

        // when: the maintainer opens the gaps, and links the question to the FAQ found by the KB search
        screen("gaps", "gaps-title");
        By gap = By.xpath("//ol[@id='gap-list']/li[h3='我的卡丢了要怎么重新办理']");
        WebElement card = visible(gap);
        assertThat(card.getText()).contains("1 次");
        tabTo(By.xpath("//ol[@id='gap-list']/li[h3='我的卡丢了要怎么重新办理']//button[text()='关联到已有条目']"));
        keys(Keys.ENTER);
        assertThat(focused().getAttribute("value")).isEqualTo("我的卡丢了要怎么重新办理");
        selectAll();
        keys("社保卡丢了怎么补办", Keys.ENTER);
        By link = By.xpath("//ol[@id='gap-list']/li[h3='我的卡丢了要怎么重新办理']"
                + "//button[@data-key='faq-card-lost']");
        visible(link);
        assertThat(axeViolations()).as("gaps with the link search open").isEmpty();
        tabTo(link);
        keys(Keys.ENTER);
        waitForText(By.id("notice"), "已提交 1 条相似问法待审核");

        // then: it waits in the review list, where the maintainer accepts it
        By pending = By.xpath("//ol[@id='suggestion-list']/li[h3='我的卡丢了要怎么重新办理']");
        assertThat(visible(pending).getText()).contains("faq-card-lost").contains("zhao");
        assertThat(axeViolations()).as("gaps and pending suggestions").isEmpty();
        tabTo(By.xpath("//ol[@id='suggestion-list']/li[h3='我的卡丢了要怎么重新办理']//button[text()='采纳']"));
        keys(Keys.ENTER);
        waitForText(By.id("notice"), "已采纳");
        assertFocusOn("suggestions-title");
        assertThat(faqFile()).contains("我的卡丢了要怎么重新办理");
        assertThat(knowledge.get().knowledgeBase().faq("faq-card-lost").orElseThrow().similar())
                .contains("我的卡丢了要怎么重新办理");
    }

    @Test
    void the_kb__browse__edit_a_faq__add_a_similar_question__see_the_history__revert__and_the_directory_problems()
            throws Exception {
        // given: a KB directory with a line the lenient loader skips
        Path faqFile = kbDirectory().resolve("faq.jsonl");
        String original = Files.readString(faqFile, StandardCharsets.UTF_8);
        Files.writeString(faqFile, original + "{\"id\": \"broken\", \n", StandardCharsets.UTF_8);
        knowledge.reload();
        try {
            logInAsMaintainer();

            // the KB screen: its status and the problem of the directory
            screen("kb", "kb-title");
            waitForText(By.id("kb-problems"), "faq.jsonl");
            assertThat(visible(By.id("kb-status")).getText()).contains("directory");
            waitForText(By.id("kb-count"), "常见问题 3 条");

            // browse guides, then filter the FAQs
            tabTo(By.id("kb-kind"));
            keys(Keys.ARROW_DOWN);
            tabTo(By.cssSelector("#kb-filter-form button"));
            keys(Keys.ENTER);
            waitForText(By.id("kb-count"), "办事指南 2 篇");
            assertThat(visible(By.id("kb-list")).getText()).contains("普通护照签发").contains("申请材料");
            tabTo(By.id("kb-filter"));
            keys("护照");
            tabTo(By.id("kb-kind"));
            keys(Keys.ARROW_UP);
            tabTo(By.cssSelector("#kb-filter-form button"));
            keys(Keys.ENTER);
            waitForText(By.id("kb-count"), "常见问题 1 条");

            // open the FAQ and change its answer
            tabTo(By.cssSelector("#kb-list li[data-id='faq-passport-time'] button"));
            keys(Keys.ENTER);
            assertFocusOn("editor-title");
            assertThat(visible(By.id("faq-answer")).getAttribute("value")).isEqualTo("7 个工作日。");
            assertThat(axeViolations()).as("KB screen with the editor").isEmpty();
            tabTo(By.id("faq-answer"));
            selectAll();
            keys("10 个工作日；加急 5 个工作日。");
            tabTo(By.id("faq-save"));
            keys(Keys.ENTER);
            waitForText(By.id("notice"), "已保存");
            assertThat(browser.findElement(By.id("notice")).getText()).contains("知识库已重新加载");
            assertThat(Files.readString(faqFile, StandardCharsets.UTF_8)).contains("10 个工作日；加急 5 个工作日。");
            assertThat(knowledge.get().knowledgeBase().faq("faq-passport-time").orElseThrow().answer())
                    .isEqualTo("10 个工作日；加急 5 个工作日。");

            // add a similar question
            tabTo(By.id("similar-new"));
            keys("护照几天能办好", Keys.ENTER);
            waitForText(By.id("notice"), "已添加相似问法");
            assertThat(visible(By.id("faq-similar")).getAttribute("value")).isEqualTo("护照几天能办好");

            // the history names the maintainer and shows what changed
            waitForText(By.id("faq-history"), "新增相似问法");
            List<WebElement> changes = browser.findElements(By.cssSelector("#faq-history > li"));
            assertThat(changes).hasSize(2);
            assertThat(changes.get(1).getText()).contains("zhao").contains("编辑").contains("7 个工作日。")
                    .contains("10 个工作日；加急 5 个工作日。");
            assertThat(axeViolations()).as("KB screen with the history").isEmpty();

            // revert the newest change, then the edit: the FAQ is as it was
            tabTo(By.cssSelector("#faq-history > li:first-child button"));
            keys(Keys.ENTER);
            waitForText(By.id("notice"), "已撤销修改");
            assertFocusOn("editor-title");
            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(d -> d.findElements(By.cssSelector("#faq-history > li")).size() == 3);
            tabTo(By.cssSelector("#faq-history > li:nth-child(3) button"));
            keys(Keys.ENTER);
            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(d -> "7 个工作日。".equals(d.findElement(By.id("faq-answer")).getAttribute("value")));
            assertThat(knowledge.get().knowledgeBase().faq("faq-passport-time").orElseThrow().answer())
                    .isEqualTo("7 个工作日。");
            assertThat(Files.readString(faqFile, StandardCharsets.UTF_8))
                    .isEqualTo(original + "{\"id\": \"broken\", \n");
        } finally {
            Files.writeString(faqFile, original, StandardCharsets.UTF_8);
            knowledge.reload();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_conversation_log__filtered__a_transcript_with_confidence_and_candidates__and_the_right_item_marked() {
        // given: a conversation with a phone number in it, and one whose reply was marked not useful
        Citizen c = api.open();
        api.say(c, "我手机13812345678，社保卡不见了咋整");
        Citizen d = api.open();
        api.say(d, "护照要多久才能拿到呢");
        api.http().post().uri("/api/v1/conversations/{id}/feedback", d.id()).header("X-Conversation-Token", d.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("message_id", "000002", "useful", false))
                .exchange().expectStatus().isOk();
        logInAsMaintainer();

        // the log, newest first
        screen("conversations", "conversations-title");
        visible(By.cssSelector("#conv-list li[data-id='" + d.id() + "']"));
        assertThat(axeViolations()).as("conversation log").isEmpty();

        // filtered by text and outcome (市民评价无帮助 is the fourth after 全部)
        tabTo(By.id("conv-q"));
        keys("要多久才能");
        tabTo(By.id("conv-outcome"));
        keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        tabTo(By.id("conv-search"));
        keys(Keys.ENTER);
        waitForText(By.id("conv-count"), "显示 1 段对话");
        assertThat(browser.findElement(By.cssSelector("#conv-list li")).getAttribute("data-id")).isEqualTo(d.id());
        assertThat(visible(By.id("conv-list")).getText()).contains("无帮助");
        // the same text with 请市民澄清 (two up): none, the question was answered
        tabTo(By.id("conv-outcome"));
        keys(Keys.ARROW_UP, Keys.ARROW_UP);
        tabTo(By.id("conv-search"));
        keys(Keys.ENTER);
        waitForText(By.id("conv-count"), "没有符合条件的对话");

        // by text alone: the masked conversation
        tabTo(By.id("conv-q"));
        selectAll();
        keys("社保卡不见了");
        tabTo(By.id("conv-outcome"));
        keys(Keys.ARROW_UP, Keys.ARROW_UP);
        tabTo(By.id("conv-search"));
        keys(Keys.ENTER);
        waitForText(By.id("conv-count"), "显示 1 段对话");
        assertThat(visible(By.id("conv-list")).getText()).contains("社保卡不见了咋整").doesNotContain("13812345678");

        // read it: each reply with its confidence and the candidates it considered
        tabTo(By.cssSelector("#conv-list li[data-id='" + c.id() + "'] button"));
        keys(Keys.ENTER);
        assertFocusOn("transcript-title");
        WebElement reply = visible(By.cssSelector("#transcript-messages li[data-id='000002']"));
        assertThat(reply.getText()).contains("置信度").contains("机器人考虑过的条目");
        assertThat(reply.findElements(By.cssSelector(".candidates button[data-key]"))).isNotEmpty();
        assertThat(visible(By.id("transcript-messages")).getText()).contains("社保卡不见了咋整")
                .doesNotContain("13812345678");
        assertThat(axeViolations()).as("a transcript").isEmpty();

        // mark the right item, found with the KB search
        tabTo(By.id("msg-000002-query"));
        selectAll();
        keys("社保卡丢了怎么补办", Keys.ENTER);
        By right = By.cssSelector("#msg-000002-results button[data-key='faq-card-lost']");
        tabTo(right);
        keys(Keys.ENTER);
        waitForText(By.id("notice"), "已提交待审核");

        // then: the masked question waits for review as a similar question of that FAQ
        String zhao = api.login("zhao", "zhao-password-1");
        List<Map<String, Object>> pending = api.http().get().uri("/api/v1/staff/kb/suggestions")
                .header("Authorization", "Bearer " + zhao).exchange().expectStatus().isOk()
                .expectBody(org.civicassist.assistant.testing.ApiClient.JSON_LIST).returnResult().getResponseBody();
        assertThat(pending).anySatisfy(p -> {
            assertThat(p).containsEntry("item", "faq-card-lost").containsEntry("conversation_id", c.id())
                    .containsEntry("suggested_by", "zhao");
            assertThat((String) p.get("question")).contains("社保卡不见了咋整").doesNotContain("13812345678");
        });
    }

    @Test
    void the_conversation_log__older_conversations_loaded_page_by_page__focus_on_the_first_new_one() {
        // given: one conversation more than a page (20)
        for (int i = 0; i < 21; i++) {
            api.say(api.open(), "分页检查第" + i + "次");
        }
        logInAsMaintainer();
        screen("conversations", "conversations-title");
        tabTo(By.id("conv-q"));
        keys("分页检查");
        tabTo(By.id("conv-search"));
        keys(Keys.ENTER);
        waitForText(By.id("conv-count"), "显示 20 段对话，还有更早的对话可以加载");

        // when: the older ones are loaded
        tabTo(By.id("conv-more"));
        keys(Keys.ENTER);

        // then: the 21st is listed, and the focus is on it
        waitForText(By.id("conv-count"), "显示 21 段对话");
        assertThat(browser.findElements(By.cssSelector("#conv-list > li"))).hasSize(21);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> focused().equals(
                d.findElement(By.cssSelector("#conv-list > li:nth-child(21) button"))));
        assertThat(axeViolations()).as("the log with an older page").isEmpty();
    }

    @Test
    void the_kb__a_guide_section_edited_in_its_file__a_validation_problem_shown__and_the_edit_reverted()
            throws Exception {
        Path file = kbDirectory().resolve("guides/guide-passport.md");
        String original = Files.readString(file, StandardCharsets.UTF_8);
        try {
            logInAsMaintainer();
            screen("kb", "kb-title");
            waitForText(By.id("kb-count"), "常见问题");

            // the guides, then one guide's sections
            tabTo(By.id("kb-kind"));
            keys(Keys.ARROW_DOWN);
            tabTo(By.cssSelector("#kb-filter-form button"));
            keys(Keys.ENTER);
            waitForText(By.id("kb-count"), "办事指南 2 篇");
            tabTo(By.cssSelector("#kb-list li[data-id='guide-passport'] button[data-action='sections']"));
            keys(Keys.ENTER);
            assertFocusOn("guide-editor-title");
            assertThat(visible(By.id("guide-sections")).getText()).contains("申请材料").contains("办理时限")
                    .contains("7 个工作日。");
            assertThat(axeViolations()).as("a guide's sections").isEmpty();

            // edit 办理时限: a line starting with "## " is refused, and said so next to the text
            tabTo(By.cssSelector("#guide-sections li[data-heading='办理时限'] button"));
            keys(Keys.ENTER);
            assertFocusOn("section-heading");
            selectAll();
            keys("办理时间");
            tabTo(By.id("section-body"));
            selectAll();
            keys("10 个工作日。", Keys.ENTER, "## 加急");
            tabTo(By.id("section-save"));
            keys(Keys.ENTER);
            waitForText(By.id("section-error"), "会被读成新的章节");
            assertFocusOn("section-body");
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(original);
            assertThat(axeViolations()).as("the section editor with a problem").isEmpty();

            // corrected and saved: only that section of the file changed, and the KB serves it
            selectAll();
            keys("10 个工作日；", Keys.ENTER, "加急 5 个工作日。");
            tabTo(By.id("section-save"));
            keys(Keys.ENTER);
            waitForText(By.id("notice"), "已保存章节");
            assertThat(browser.findElement(By.id("notice")).getText()).contains("知识库已重新加载");
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(original.replace(
                    "## 办理时限\n7 个工作日。\n", "## 办理时间\n10 个工作日；\n加急 5 个工作日。\n"));
            assertThat(knowledge.get().knowledgeBase().guide("guide-passport").orElseThrow().section("办理时间")
                    .orElseThrow().body()).isEqualTo("10 个工作日；\n加急 5 个工作日。");
            waitForText(By.id("guide-history"), "编辑章节");
            assertThat(visible(By.cssSelector("#guide-history > li")).getText()).contains("zhao").contains("办理时限")
                    .contains("7 个工作日。").contains("加急 5 个工作日。");
            assertThat(axeViolations()).as("the guide editor with its history").isEmpty();

            // reverted: the file is as it was
            tabTo(By.cssSelector("#guide-history > li:first-child button"));
            keys(Keys.ENTER);
            waitForText(By.id("notice"), "已撤销");
            assertFocusOn("guide-editor-title");
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(original);
            assertThat(visible(By.id("guide-sections")).getText()).contains("办理时限").contains("7 个工作日。");
        } finally {
            Files.writeString(file, original, StandardCharsets.UTF_8);
            knowledge.reload();
        }
    }
}
