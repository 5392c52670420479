package org.civicassist.eval;

import org.civicassist.assistant.AssistantApplication;
import org.civicassist.eval.run.EvaluationRunner;
import org.civicassist.eval.testing.BundledStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintainers' console over the real pieces: the server on a copy of the demo KB, citizens' questions through
 * the chat API, and the quality screen starting the real harness ({@link EvalCli} {@code regress}, as a process of
 * the server's) on part of the dev and common questions, in headless Chromium. Writes the README's screenshots of
 * the four screens into {@code target/console-screenshots/} (scripts/console-screenshots.sh copies them, reduced, to
 * docs/).
 */
class MaintainersConsoleOnRealEvaluationTest {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final int QUESTIONS_PER_FILE = 40;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    static ConfigurableApplicationContext server;
    static Path demoKbPath;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * The demo KB as a directory (the console edits only a directory), from the files its MANIFEST lists; at the same
     * place every time, so that the server's and the harness's stores under target/ are built once.
     */
    static Path demoKb() throws IOException {
        Path kb = Path.of("target", "console-kb", "jiangzhou").toAbsolutePath();
        if (Files.exists(kb)) {
            try (java.util.stream.Stream<Path> old = Files.walk(kb)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(kb);
        String manifest;
        try (InputStream in = AssistantApplication.class.getResourceAsStream("/kb/jiangzhou/MANIFEST")) {
            manifest = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String file : manifest.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
            try (InputStream in = AssistantApplication.class.getResourceAsStream("/kb/jiangzhou/" + file)) {
                Path target = kb.resolve(file);
                Files.createDirectories(target.getParent());
                Files.copy(Objects.requireNonNull(in, file), target);
            }
        }
        return kb;
    }

    /** A regression file over the first questions of a question file of the repository, without minimums. */
    static Path regression(String name, String questions) throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> lines = Files.readAllLines(root.resolve(questions), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).limit(QUESTIONS_PER_FILE).toList();
        Path at = Files.createDirectories(Path.of("target", "console-questions").toAbsolutePath());
        Path subset = Files.write(at.resolve(name + ".jsonl"), lines, StandardCharsets.UTF_8);
        return Files.writeString(at.resolve(name + ".yaml"), "name: " + name + "\nkb: bundled\nquestions: " + subset
                + "\nchecks: []\n", StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void startServer() throws IOException {
        Path kb = demoKb();
        demoKbPath = kb;
        // the copy has the demo KB's content: the server and the harness use the store of the bundled KB (vectors are
        // stored by text and indexes by content), built once per clone
        Path store = BundledStore.root();
        Path bundledStore = store.resolve(EvaluationRunner.storeName("bundled"));
        Path kbStore = store.resolve(EvaluationRunner.storeName(kb.toString()));
        if (!Files.exists(kbStore, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(kbStore, bundledStore);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-cp", System.getProperty("java.class.path"), EvalCli.class.getName(), "regress",
                regression("dev", "eval/questions/dev.jsonl").toString(),
                regression("common", "eval/questions/common-dev.jsonl").toString(),
                "--store", store.toString()));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("assistant.kb.path", kb.toString());
        properties.put("assistant.kb.store", kbStore.toString());
        properties.put("assistant.kb.watch", false);
        properties.put("assistant.staff.bootstrap.username", ADMIN);
        properties.put("assistant.staff.bootstrap.password", ADMIN_PASSWORD);
        properties.put("assistant.limits.requests-per-minute-per-client", 1_000_000);
        properties.put("assistant.limits.messages-per-minute-per-conversation", 1_000_000);
        properties.put("assistant.handoff.office-hours.always-open", true);
        properties.put("assistant.quality.reports", dir.resolve("runs").toString());
        properties.put("assistant.quality.working-directory", dir.toString());
        for (int i = 0; i < command.size(); i++) {
            properties.put("assistant.quality.command[" + i + "]", command.get(i));
        }
        server = new SpringApplicationBuilder(AssistantApplication.class).properties(properties).run();
        base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static JsonNode call(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isLessThan(300);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    /** A citizen's conversation; the id of the assistant's reply to the last question. */
    static String ask(String... questions) throws Exception {
        JsonNode c = call("POST", "/api/v1/conversations", null, Map.of());
        String id = c.path("id").asString();
        String token = c.path("token").asString();
        for (String q : questions) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/conversations/" + id + "/messages"))
                    .header("Content-Type", "application/json").header("X-Conversation-Token", token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", q)))).build();
            assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        return id;
    }

    // --- the browser ---

    private static ChromeDriver browser() throws IOException {
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chrome")), "profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,900", "--lang=zh-CN", "--hide-scrollbars",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static WebElement visible(ChromeDriver b, By by, Duration limit) {
        return new WebDriverWait(b, limit).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void waitForText(ChromeDriver b, By by, String text, Duration limit) {
        new WebDriverWait(b, limit).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    private static void screenshot(ChromeDriver b, String name, int height) throws IOException {
        b.manage().window().setSize(new Dimension(1200, height));
        ((JavascriptExecutor) b).executeScript("window.scrollTo(0, 0); document.activeElement.blur();");
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), b.getScreenshotAs(OutputType.BYTES));
    }

    private static void tab(ChromeDriver b, String screen, String heading) {
        b.findElement(By.id("tab-" + screen)).sendKeys(Keys.ENTER);
        new WebDriverWait(b, Duration.ofSeconds(15)).until(d -> heading.equals(
                d.switchTo().activeElement().getAttribute("id")));
    }

    @Test
    void the_quality_screen_runs_the_real_harness_on_the_served_kb_and_shows_its_report() throws Exception {
        // given: a maintainer, and a morning of citizens' questions (some the KB cannot answer)
        String admin = call("POST", "/api/v1/staff/login", null, Map.of("username", ADMIN, "password",
                ADMIN_PASSWORD)).path("token").asString();
        call("POST", "/api/v1/staff/accounts", admin, Map.of("username", "zhaolei", "password", "zhaolei-password-1",
                "roles", List.of("MAINTAINER"), "display_name", "赵磊"));
        for (String[] conversation : List.of(new String[] {"社保卡丢了怎么补办"}, new String[] {"办护照要多久"},
                new String[] {"身份证过期了怎么换"}, new String[] {"公积金怎么提取", "需要什么材料"},
                new String[] {"我家门口的路灯坏了找谁修"}, new String[] {"新生儿怎么上户口"},
                new String[] {"小区物业乱收费可以投诉吗"}, new String[] {"居住证怎么办理"},
                new String[] {"我家门口路灯不亮了"}, new String[] {"营业执照网上怎么申请"},
                new String[] {"退休金每个月几号发"}, new String[] {"驾驶证到期换证去哪"})) {
            ask(conversation);
        }

        ChromeDriver b = browser();
        try {
            b.get(base + "/admin/");
            visible(b, By.id("login-username"), Duration.ofSeconds(30)).sendKeys("zhaolei");
            b.findElement(By.id("login-password")).sendKeys("zhaolei-password-1", Keys.ENTER);
            waitForText(b, By.id("who-name"), "赵磊", Duration.ofSeconds(30));
            waitForText(b, By.id("totals"), "提问数", Duration.ofSeconds(30));
            screenshot(b, "console-dashboard.png", 1150);

            tab(b, "gaps", "gaps-title");
            waitForText(b, By.id("gap-list"), "路灯", Duration.ofSeconds(60));
            screenshot(b, "console-gaps.png", 900);

            tab(b, "kb", "kb-title");
            waitForText(b, By.id("kb-count"), "常见问题", Duration.ofSeconds(30));
            screenshot(b, "console-kb.png", 900);

            // when: the maintainer runs the evaluation from the quality screen
            tab(b, "quality", "quality-title");
            waitForText(b, By.id("quality-run"), "当前知识库", Duration.ofSeconds(30));
            b.findElement(By.id("quality-start")).sendKeys(Keys.ENTER);
            waitForText(b, By.id("notice"), "评测已开始", Duration.ofSeconds(30));

            // then: the real harness ran on the served KB, and its figures and report.html are shown
            waitForText(b, By.id("quality-run"), "已完成", Duration.ofMinutes(15));
            assertThat(b.findElement(By.id("quality-run")).getText()).contains("zhaolei");
            assertThat(b.findElement(By.xpath("//dl[@id='quality-run']/dt[.='退出码']/following-sibling::dd[1]"))
                    .getText()).isEqualTo("0");
            assertThat(b.findElement(By.id("quality-table")).getText()).contains("common").contains("dev")
                    .contains("解答率 (resolution)").contains("首位命中率 (recall_at_1)");
            assertThat(b.findElement(By.id("quality-output")).getText()).contains("all 0 checks passed");
            WebElement frame = visible(b, By.id("quality-frame"), Duration.ofSeconds(30));
            b.switchTo().frame(frame);
            assertThat(b.findElement(By.tagName("h1")).getText()).contains("common");
            assertThat(b.findElement(By.tagName("body")).getText()).contains(demoKbPath.toString());
            b.switchTo().defaultContent();
            assertThat(b.findElement(By.id("notice")).getText()).contains("评测已完成");
            screenshot(b, "console-quality.png", 1900);
        } finally {
            b.quit();
        }
    }
}
