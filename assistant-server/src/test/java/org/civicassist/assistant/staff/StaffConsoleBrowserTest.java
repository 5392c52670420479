package org.civicassist.assistant.staff;

import org.civicassist.assistant.testing.ConsoleBrowser;
import org.civicassist.assistant.testing.ApiClient.Citizen;
import org.civicassist.assistant.testing.HandoffApplicationTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff console in headless Chromium: a staff member logs in at /staff/, sees a waiting conversation in the
 * queue, claims it, inserts a knowledge-base snippet and replies; the citizen receives the reply.
 */
class StaffConsoleBrowserTest extends HandoffApplicationTestBase {

    private ConsoleBrowser console;
    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        console = ConsoleBrowser.open(1400, 1000);
        browser = console.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void a_staff_member_logs_in__claims_a_waiting_conversation_and_replies() {
        // given: a citizen waiting for a person, and a staff account
        Citizen c = api.open();
        api.say(c, "补办社保卡要钱吗");
        api.handoff(c);
        api.staff(api.login(ADMIN, ADMIN_PASSWORD), "wang", "王芳");

        // when: wang logs in
        browser.get(api.baseUrl() + "/staff/");
        console.visible(By.id("login-username")).sendKeys("wang");
        browser.findElement(By.id("login-password")).sendKeys("wang-password-1");
        browser.findElement(By.id("login-submit")).click();

        // the waiting conversation is in the queue, with its reason and question
        WebElement waiting = console.visible(By.cssSelector("#queue-list button[data-id='" + c.id() + "']"));
        assertThat(waiting.getText()).contains("市民要求人工").contains("补办社保卡要钱吗").contains("已等待");
        waiting.click();
        assertThat(console.visible(By.id("fact-question")).getText()).isEqualTo("补办社保卡要钱吗");
        assertThat(console.visible(By.id("candidates")).getText()).contains("补办社保卡要钱吗");

        // claims it
        console.visible(By.id("claim-button")).click();
        WebElement reply = console.visible(By.id("reply-text"));

        // looks up the knowledge base and inserts a cited snippet
        console.visible(By.id("kb-query")).sendKeys("社保卡补办工本费");
        browser.findElement(By.cssSelector("#kb-form button[type='submit']")).click();
        console.visible(By.cssSelector("#kb-results li button")).click();
        assertThat(reply.getAttribute("value")).contains("（来源：");

        // and replies
        reply.sendKeys("\n您好，请带身份证到窗口办理。");
        browser.findElement(By.id("reply-send")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("transcript"), "请带身份证到窗口办理"));

        // then: the citizen has it, from 王芳
        List<Map<String, Object>> messages = (List<Map<String, Object>>) api.conversation(c).get("messages");
        assertThat(messages).filteredOn(m -> "staff".equals(m.get("author"))).singleElement()
                .satisfies(m -> {
                    assertThat((String) m.get("text")).contains("（来源：").endsWith("您好，请带身份证到窗口办理。");
                    assertThat(m).containsEntry("staff_name", "王芳");
                });
        assertThat(api.conversation(c).get("state")).isEqualTo("with_staff");
        assertThat(((JavascriptExecutor) browser).executeScript("return document.getElementById('live-state')"
                + ".textContent")).isEqualTo("实时连接正常");
    }

    @Test
    void on_closing__staff_pick_the_kb_item_that_answered_and_the_question_waits_for_a_maintainer() {
        // given: a question the assistant did not answer, handed to a person
        Citizen c = api.open();
        api.say(c, "我的卡丢了要怎么重新办理");
        api.handoff(c);
        String admin = api.login(ADMIN, ADMIN_PASSWORD);
        api.staff(admin, "zhou", "周敏");
        browser.get(api.baseUrl() + "/staff/");
        console.visible(By.id("login-username")).sendKeys("zhou");
        browser.findElement(By.id("login-password")).sendKeys("zhou-password-1");
        browser.findElement(By.id("login-submit")).click();
        console.visible(By.cssSelector("#queue-list button[data-id='" + c.id() + "']")).click();
        console.visible(By.id("claim-button")).click();
        console.visible(By.id("reply-text"));

        // when: zhou finds the FAQ, marks it as the item that answered, and closes
        console.visible(By.id("kb-query")).sendKeys("社保卡丢了怎么补办");
        browser.findElement(By.cssSelector("#kb-form button[type='submit']")).click();
        console.visible(By.cssSelector("#kb-results li button[aria-label^='结束会话时']")).click();
        org.openqa.selenium.support.ui.Select answeredBy =
                new org.openqa.selenium.support.ui.Select(console.visible(By.id("close-answered-by")));
        String picked = answeredBy.getFirstSelectedOption().getAttribute("value");
        assertThat(picked).isNotEmpty();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("close-answered-by");
        browser.findElement(By.id("close-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("notice"), "相似问法"));

        // then: the question waits for a maintainer as a similar question of that item
        List<Map<String, Object>> pending = api.http().get().uri("/api/v1/staff/kb/suggestions")
                .header("Authorization", "Bearer " + admin).exchange().expectStatus().isOk()
                .expectBody(org.civicassist.assistant.testing.ApiClient.JSON_LIST).returnResult().getResponseBody();
        assertThat(pending).filteredOn(p -> c.id().equals(p.get("conversation_id"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("item", picked)
                        .containsEntry("question", "我的卡丢了要怎么重新办理"));
    }
}
