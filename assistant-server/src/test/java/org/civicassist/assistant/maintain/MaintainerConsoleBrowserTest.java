package org.civicassist.assistant.maintain;

import org.civicassist.assistant.testing.ConsoleBrowser;
import org.civicassist.assistant.testing.ApiClient.Citizen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

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

    // --- keyboard and page helpers ---

    /** Logs in with the keyboard as a new maintainer. */
    private void logInAsMaintainer() {
        api.maintainer(api.login(ADMIN, ADMIN_PASSWORD), "zhao", "赵磊");
        browser.get(api.baseUrl() + "/admin/");
        assertThat(console.seriousAxeViolations(true)).as("login page").isEmpty();
        console.tabTo(By.id("login-username"));
        console.keys("zhao", Keys.TAB, "zhao-password-1", Keys.ENTER);
        console.waitForText(By.id("who-name"), "赵磊");
    }

    private void screen(String tab, String heading) {
        console.tabTo(By.id("tab-" + tab));
        console.keys(Keys.ENTER);
        console.assertFocusOn(heading);
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
        console.waitForText(By.id("totals"), "提问数");

        // then: totals, a chart and the table of every day, and by domain
        assertThat(console.visible(By.id("totals")).getText()).contains("解答率").contains("澄清率").contains("转人工率")
                .contains("无帮助的回复");
        assertThat(browser.findElements(By.cssSelector("#days-table tbody tr"))).hasSize(7);
        assertThat(console.visible(By.id("days-table")).getText()).contains("2026-03-09");
        assertThat(browser.findElement(By.cssSelector("#days-chart svg")).getAttribute("role")).isEqualTo("img");
        assertThat(browser.findElements(By.cssSelector("#days-chart svg rect.bar"))).hasSize(7);
        assertThat(console.visible(By.id("domains-table")).getText()).contains("社保").contains("出入境");
        // every question of the period was asked today (the tests' clock stands still): today's row is the total
        WebElement today = browser.findElement(By.xpath("//table[@id='days-table']//tr[th='2026-03-09']"));
        String asked = browser.findElement(By.xpath("//dl[@id='totals']/div[dt='提问数']/dd")).getText();
        assertThat(Integer.parseInt(asked)).isGreaterThanOrEqualTo(2);
        assertThat(today.findElements(By.tagName("td")).get(0).getText()).isEqualTo(asked);
        assertThat(Integer.parseInt(today.findElements(By.tagName("td")).get(4).getText())).isPositive();
        assertThat(console.seriousAxeViolations(true)).as("dashboard").isEmpty();

        // the last 30 days, with the keyboard
        console.tabTo(By.id("period"));
        console.keys(Keys.ARROW_DOWN);
        console.tabTo(By.cssSelector("#period-form button"));
        console.keys(Keys.ENTER);
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
        WebElement card = console.visible(gap);
        assertThat(card.getText()).contains("1 次");
        console.tabTo(By.xpath("//ol[@id='gap-list']/li[h3='我的卡丢了要怎么重新办理']//button[text()='关联到已有条目']"));
        console.keys(Keys.ENTER);
        assertThat(console.focused().getAttribute("value")).isEqualTo("我的卡丢了要怎么重新办理");
        console.selectAll();
        console.keys("社保卡丢了怎么补办", Keys.ENTER);
        By link = By.xpath("//ol[@id='gap-list']/li[h3='我的卡丢了要怎么重新办理']"
                + "//button[@data-key='faq-card-lost']");
        console.visible(link);
        assertThat(console.seriousAxeViolations(true)).as("gaps with the link search open").isEmpty();
        console.tabTo(link);
        console.keys(Keys.ENTER);
        console.waitForText(By.id("notice"), "已提交 1 条相似问法待审核");

        // then: it waits in the review list, where the maintainer accepts it
        By pending = By.xpath("//ol[@id='suggestion-list']/li[h3='我的卡丢了要怎么重新办理']");
        assertThat(console.visible(pending).getText()).contains("faq-card-lost").contains("zhao");
        assertThat(console.seriousAxeViolations(true)).as("gaps and pending suggestions").isEmpty();
        console.tabTo(By.xpath("//ol[@id='suggestion-list']/li[h3='我的卡丢了要怎么重新办理']//button[text()='采纳']"));
        console.keys(Keys.ENTER);
        console.waitForText(By.id("notice"), "已采纳");
        console.assertFocusOn("suggestions-title");
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
            console.waitForText(By.id("kb-problems"), "faq.jsonl");
            assertThat(console.visible(By.id("kb-status")).getText()).contains("directory");
            console.waitForText(By.id("kb-count"), "常见问题 3 条");

            // browse guides, then filter the FAQs
            console.tabTo(By.id("kb-kind"));
            console.keys(Keys.ARROW_DOWN);
            console.tabTo(By.cssSelector("#kb-filter-form button"));
            console.keys(Keys.ENTER);
            console.waitForText(By.id("kb-count"), "办事指南 2 篇");
            assertThat(console.visible(By.id("kb-list")).getText()).contains("普通护照签发").contains("申请材料");
            console.tabTo(By.id("kb-filter"));
            console.keys("护照");
            console.tabTo(By.id("kb-kind"));
            console.keys(Keys.ARROW_UP);
            console.tabTo(By.cssSelector("#kb-filter-form button"));
            console.keys(Keys.ENTER);
            console.waitForText(By.id("kb-count"), "常见问题 1 条");

            // open the FAQ and change its answer
            console.tabTo(By.cssSelector("#kb-list li[data-id='faq-passport-time'] button"));
            console.keys(Keys.ENTER);
            console.assertFocusOn("editor-title");
            assertThat(console.visible(By.id("faq-answer")).getAttribute("value")).isEqualTo("7 个工作日。");
            assertThat(console.seriousAxeViolations(true)).as("KB screen with the editor").isEmpty();
            console.tabTo(By.id("faq-answer"));
            console.selectAll();
            console.keys("10 个工作日；加急 5 个工作日。");
            console.tabTo(By.id("faq-save"));
            console.keys(Keys.ENTER);
            console.waitForText(By.id("notice"), "已保存");
            assertThat(browser.findElement(By.id("notice")).getText()).contains("知识库已重新加载");
            assertThat(Files.readString(faqFile, StandardCharsets.UTF_8)).contains("10 个工作日；加急 5 个工作日。");
            assertThat(knowledge.get().knowledgeBase().faq("faq-passport-time").orElseThrow().answer())
                    .isEqualTo("10 个工作日；加急 5 个工作日。");

            // add a similar question
            console.tabTo(By.id("similar-new"));
            console.keys("护照几天能办好", Keys.ENTER);
            console.waitForText(By.id("notice"), "已添加相似问法");
            assertThat(console.visible(By.id("faq-similar")).getAttribute("value")).isEqualTo("护照几天能办好");

            // the history names the maintainer and shows what changed
            console.waitForText(By.id("faq-history"), "新增相似问法");
            List<WebElement> changes = browser.findElements(By.cssSelector("#faq-history > li"));
            assertThat(changes).hasSize(2);
            assertThat(changes.get(1).getText()).contains("zhao").contains("编辑").contains("7 个工作日。")
                    .contains("10 个工作日；加急 5 个工作日。");
            assertThat(console.seriousAxeViolations(true)).as("KB screen with the history").isEmpty();

            // revert the newest change, then the edit: the FAQ is as it was
            console.tabTo(By.cssSelector("#faq-history > li:first-child button"));
            console.keys(Keys.ENTER);
            console.waitForText(By.id("notice"), "已撤销修改");
            console.assertFocusOn("editor-title");
            new WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(d -> d.findElements(By.cssSelector("#faq-history > li")).size() == 3);
            console.tabTo(By.cssSelector("#faq-history > li:nth-child(3) button"));
            console.keys(Keys.ENTER);
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
        // given: a conversation with a phone number in it, and one whose reply was marked not useful, a minute apart
        // and after every other conversation of this context (each test starts at the same instant, and conversations
        // of the same instant come in id order: without the clock moving these two need not be on the first page)
        clock.advance(Duration.ofMinutes(1));
        Citizen c = api.open();
        api.say(c, "我手机13812345678，社保卡不见了咋整");
        clock.advance(Duration.ofMinutes(1));
        Citizen d = api.open();
        api.say(d, "护照要多久才能拿到呢");
        api.http().post().uri("/api/v1/conversations/{id}/feedback", d.id()).header("X-Conversation-Token", d.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("message_id", "000002", "useful", false))
                .exchange().expectStatus().isOk();
        logInAsMaintainer();

        // the log, newest first
        screen("conversations", "conversations-title");
        console.visible(By.cssSelector("#conv-list li[data-id='" + d.id() + "']"));
        assertThat(browser.findElements(By.cssSelector("#conv-list li")).stream().limit(2)
                .map(li -> li.getAttribute("data-id")).toList()).containsExactly(d.id(), c.id());
        assertThat(console.seriousAxeViolations(true)).as("conversation log").isEmpty();

        // filtered by text and outcome (市民评价无帮助 is the fourth after 全部)
        console.tabTo(By.id("conv-q"));
        console.keys("要多久才能");
        console.tabTo(By.id("conv-outcome"));
        console.keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        console.tabTo(By.id("conv-search"));
        console.keys(Keys.ENTER);
        console.waitForText(By.id("conv-count"), "显示 1 段对话");
        assertThat(browser.findElement(By.cssSelector("#conv-list li")).getAttribute("data-id")).isEqualTo(d.id());
        assertThat(console.visible(By.id("conv-list")).getText()).contains("无帮助");
        // the same text with 请市民澄清 (two up): none, the question was answered
        console.tabTo(By.id("conv-outcome"));
        console.keys(Keys.ARROW_UP, Keys.ARROW_UP);
        console.tabTo(By.id("conv-search"));
        console.keys(Keys.ENTER);
        console.waitForText(By.id("conv-count"), "没有符合条件的对话");

        // by text alone: the masked conversation
        console.tabTo(By.id("conv-q"));
        console.selectAll();
        console.keys("社保卡不见了");
        console.tabTo(By.id("conv-outcome"));
        console.keys(Keys.ARROW_UP, Keys.ARROW_UP);
        console.tabTo(By.id("conv-search"));
        console.keys(Keys.ENTER);
        console.waitForText(By.id("conv-count"), "显示 1 段对话");
        assertThat(console.visible(By.id("conv-list")).getText()).contains("社保卡不见了咋整").doesNotContain("13812345678");

        // read it: each reply with its confidence and the candidates it considered
        console.tabTo(By.cssSelector("#conv-list li[data-id='" + c.id() + "'] button"));
        console.keys(Keys.ENTER);
        console.assertFocusOn("transcript-title");
        WebElement reply = console.visible(By.cssSelector("#transcript-messages li[data-id='000002']"));
        assertThat(reply.getText()).contains("置信度").contains("机器人考虑过的条目");
        assertThat(reply.findElements(By.cssSelector(".candidates button[data-key]"))).isNotEmpty();
        assertThat(console.visible(By.id("transcript-messages")).getText()).contains("社保卡不见了咋整")
                .doesNotContain("13812345678");
        assertThat(console.seriousAxeViolations(true)).as("a transcript").isEmpty();

        // mark the right item, found with the KB search
        console.tabTo(By.id("msg-000002-query"));
        console.selectAll();
        console.keys("社保卡丢了怎么补办", Keys.ENTER);
        By right = By.cssSelector("#msg-000002-results button[data-key='faq-card-lost']");
        console.tabTo(right);
        console.keys(Keys.ENTER);
        console.waitForText(By.id("notice"), "已提交待审核");

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
        console.tabTo(By.id("conv-q"));
        console.keys("分页检查");
        console.tabTo(By.id("conv-search"));
        console.keys(Keys.ENTER);
        console.waitForText(By.id("conv-count"), "显示 20 段对话，还有更早的对话可以加载");

        // when: the older ones are loaded
        console.tabTo(By.id("conv-more"));
        console.keys(Keys.ENTER);

        // then: the 21st is listed, and the focus is on it
        console.waitForText(By.id("conv-count"), "显示 21 段对话");
        assertThat(browser.findElements(By.cssSelector("#conv-list > li"))).hasSize(21);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> console.focused().equals(
                d.findElement(By.cssSelector("#conv-list > li:nth-child(21) button"))));
        assertThat(console.seriousAxeViolations(true)).as("the log with an older page").isEmpty();
    }

    @Test
    void the_kb__a_guide_section_edited_in_its_file__a_validation_problem_shown__and_the_edit_reverted()
            throws Exception {
        Path file = kbDirectory().resolve("guides/guide-passport.md");
        String original = Files.readString(file, StandardCharsets.UTF_8);
        try {
            logInAsMaintainer();
            screen("kb", "kb-title");
            console.waitForText(By.id("kb-count"), "常见问题");

            // the guides, then one guide's sections
            console.tabTo(By.id("kb-kind"));
            console.keys(Keys.ARROW_DOWN);
            console.tabTo(By.cssSelector("#kb-filter-form button"));
            console.keys(Keys.ENTER);
            console.waitForText(By.id("kb-count"), "办事指南 2 篇");
            console.tabTo(By.cssSelector("#kb-list li[data-id='guide-passport'] button[data-action='sections']"));
            console.keys(Keys.ENTER);
            console.assertFocusOn("guide-editor-title");
            assertThat(console.visible(By.id("guide-sections")).getText()).contains("申请材料").contains("办理时限")
                    .contains("7 个工作日。");
            assertThat(console.seriousAxeViolations(true)).as("a guide's sections").isEmpty();

            // edit 办理时限: a line starting with "## " is refused, and said so next to the text
            console.tabTo(By.cssSelector("#guide-sections li[data-heading='办理时限'] button"));
            console.keys(Keys.ENTER);
            console.assertFocusOn("section-heading");
            console.selectAll();
            console.keys("办理时间");
            console.tabTo(By.id("section-body"));
            console.selectAll();
            console.keys("10 个工作日。", Keys.ENTER, "## 加急");
            console.tabTo(By.id("section-save"));
            console.keys(Keys.ENTER);
            console.waitForText(By.id("section-error"), "会被读成新的章节");
            console.assertFocusOn("section-body");
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(original);
            assertThat(console.seriousAxeViolations(true)).as("the section editor with a problem").isEmpty();

            // corrected and saved: only that section of the file changed, and the KB serves it
            console.selectAll();
            console.keys("10 个工作日；", Keys.ENTER, "加急 5 个工作日。");
            console.tabTo(By.id("section-save"));
            console.keys(Keys.ENTER);
            console.waitForText(By.id("notice"), "已保存章节");
            assertThat(browser.findElement(By.id("notice")).getText()).contains("知识库已重新加载");
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(original.replace(
                    "## 办理时限\n7 个工作日。\n", "## 办理时间\n10 个工作日；\n加急 5 个工作日。\n"));
            assertThat(knowledge.get().knowledgeBase().guide("guide-passport").orElseThrow().section("办理时间")
                    .orElseThrow().body()).isEqualTo("10 个工作日；\n加急 5 个工作日。");
            console.waitForText(By.id("guide-history"), "编辑章节");
            assertThat(console.visible(By.cssSelector("#guide-history > li")).getText()).contains("zhao").contains("办理时限")
                    .contains("7 个工作日。").contains("加急 5 个工作日。");
            assertThat(console.seriousAxeViolations(true)).as("the guide editor with its history").isEmpty();

            // reverted: the file is as it was
            console.tabTo(By.cssSelector("#guide-history > li:first-child button"));
            console.keys(Keys.ENTER);
            console.waitForText(By.id("notice"), "已撤销");
            console.assertFocusOn("guide-editor-title");
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(original);
            assertThat(console.visible(By.id("guide-sections")).getText()).contains("办理时限").contains("7 个工作日。");
        } finally {
            Files.writeString(file, original, StandardCharsets.UTF_8);
            knowledge.reload();
        }
    }
}
