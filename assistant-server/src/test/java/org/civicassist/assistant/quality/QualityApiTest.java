package org.civicassist.assistant.quality;

import org.civicassist.assistant.audit.AuditEntry;
import org.civicassist.assistant.audit.AuditLog;
import org.civicassist.assistant.testing.ApiClient;
import org.civicassist.assistant.testing.Eventually;
import org.civicassist.assistant.testing.HandoffApplicationTestBase;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality API with a stand-in for eval.jar ({@link StandInEval}, run as a process like the real command): a
 * maintainer starts a run on the served KB, a second start is refused while it runs, the status follows it to its
 * end, the report's figures are given as JSON and its report.html is served for the console's sandboxed frame.
 */
@TestPropertySource(properties = "spring.application.name=quality-tests")
class QualityApiTest extends HandoffApplicationTestBase {

    static final Path DIR = temp();
    static final Path RELEASE = DIR.resolve("release");

    static Path temp() {
        try {
            return Files.createTempDirectory("quality-api-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        List<String> command = StandInEval.command(RELEASE.toString(), 0);
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            registry.add("assistant.quality.command[" + i + "]", () -> arg);
        }
        registry.add("assistant.quality.reports", () -> DIR.resolve("runs").toString());
    }

    @Autowired
    KnowledgeBaseService knowledge;
    @Autowired
    AuditLog audit;

    Map<String, Object> status(String token) {
        return api.http().get().uri("/api/v1/staff/maintain/quality").header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody(ApiClient.JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> run(Map<String, Object> status) {
        return (Map<String, Object>) status.get("run");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_maintainer_runs_the_evaluation_on_the_served_kb_one_run_at_a_time_and_sees_its_report() throws Exception {
        Files.deleteIfExists(RELEASE);
        String zhao = api.maintainer(api.login(ADMIN, ADMIN_PASSWORD), "qian", "钱敏");
        String servedKb = knowledge.source().directory().orElseThrow().toAbsolutePath().toString();
        assertThat(status(zhao)).containsEntry("enabled", true).containsEntry("kb", servedKb);

        // when: a run starts, a second start is refused while it runs
        Map<String, Object> started = api.staffPost(zhao, "/api/v1/staff/maintain/quality/runs", null)
                .expectStatus().isAccepted().expectBody(ApiClient.JSON).returnResult().getResponseBody();
        assertThat(started).containsEntry("state", "running").containsEntry("started_by", "qian")
                .containsEntry("kb", servedKb);
        api.staffPost(zhao, "/api/v1/staff/maintain/quality/runs", null).expectStatus().isEqualTo(409)
                .expectBody(ApiClient.JSON).value(p -> assertThat(p).containsEntry("code", "quality-run-running"));

        // the status shows it running, with its output (a phone number masked) and the KB it was given
        Eventually.waitUntil(Duration.ofSeconds(30), () -> ((List<String>) run(status(zhao)).get("output_tail"))
                .size() >= 2);
        Map<String, Object> running = run(status(zhao));
        assertThat(running).containsEntry("id", started.get("id")).containsEntry("state", "running");
        assertThat((List<String>) running.get("output_tail")).anyMatch(l -> l.startsWith("stand-in eval on "))
                .noneMatch(l -> l.contains("13812345678")).contains("市民来电 *********** 的问题已评测");

        // then: once it ends, it is finished with exit code 0, and its report is listed and served
        Files.createFile(RELEASE);
        Eventually.waitUntil(Duration.ofSeconds(30), () -> !"running".equals(run(status(zhao)).get("state")));
        Map<String, Object> status = status(zhao);
        assertThat(run(status)).containsEntry("state", "finished").containsEntry("exit_code", 0)
                .containsEntry("timed_out", false);
        assertThat((List<String>) run(status).get("output_tail")).last().asString().startsWith("[OK] dev");
        Map<String, Object> reports = (Map<String, Object>) status.get("reports");
        assertThat(reports).containsEntry("run", started.get("id")).containsEntry("state", "finished");
        List<Map<String, Object>> items = (List<Map<String, Object>>) reports.get("items");
        assertThat(items).extracting(i -> i.get("name")).containsExactly("common", "dev");
        Map<String, Object> dev = items.get(1);
        assertThat(dev).containsEntry("name", "dev").containsEntry("kb", servedKb).containsEntry("questions", "eval/questions/dev.jsonl")
                .containsEntry("counts", Map.of("answerable", 4));
        assertThat((Map<String, Object>) dev.get("metrics")).containsEntry("resolution", 0.75)
                .containsEntry("wrong_answer_rate", 0.25).doesNotContainKey("latency_ms");

        String html = (String) dev.get("html");
        EntityExchangeResult<String> page = api.http().get().uri(java.net.URI.create(api.baseUrl() + html))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        assertThat(page.getResponseBody()).contains("<p id=\"figure\">resolution 0.750</p>");
        HttpHeaders headers = page.getResponseHeaders();
        assertThat(headers.getContentType().toString()).startsWith("text/html");
        assertThat(headers.getFirst("Content-Security-Policy")).startsWith("sandbox;").contains("default-src 'none'")
                .doesNotContain("script-src");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(headers.getCacheControl()).isEqualTo("no-store");

        // the start and the end are in the audit log, in the maintainer's name
        List<AuditEntry> entries = audit.recent(50).block().stream()
                .filter(e -> started.get("id").equals(e.target())).toList();
        assertThat(entries).extracting(AuditEntry::action).containsExactlyInAnyOrder("quality-run",
                "quality-run-end");
        assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEqualTo("qian"));
        assertThat(entries).extracting(AuditEntry::detail).contains("state=finished exit=0");
    }

    @Test
    void the_report_needs_its_ticket_and_the_api_a_maintainer_or_administrator() throws Exception {
        String admin = api.login(ADMIN, ADMIN_PASSWORD);
        String staff = api.staff(admin, "sun", "孙丽");
        Path html = Files.createDirectories(DIR.resolve("runs/20260101T000000Z-abcdef/dev"))
                .resolve("report.html");
        Files.writeString(html, "<p>report</p>", StandardCharsets.UTF_8);
        String base = "/api/v1/staff/maintain/quality/runs/20260101T000000Z-abcdef/reports/dev/report.html";

        for (String uri : List.of(base, base + "?ticket=1.abc", base + "?ticket=9999999999.abc")) {
            api.http().get().uri(uri).exchange().expectStatus().isForbidden().expectBody(ApiClient.JSON)
                    .value(p -> assertThat(p).containsEntry("code", "report-ticket-invalid"));
        }
        api.http().get().uri("/api/v1/staff/maintain/quality").exchange().expectStatus().isUnauthorized();
        api.http().get().uri("/api/v1/staff/maintain/quality").header("Authorization", "Bearer " + staff)
                .exchange().expectStatus().isForbidden();
        api.staffPost(staff, "/api/v1/staff/maintain/quality/runs", null).expectStatus().isForbidden();
        assertThat(status(admin)).containsEntry("enabled", true);
    }
}
