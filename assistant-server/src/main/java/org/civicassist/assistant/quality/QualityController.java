package org.civicassist.assistant.quality;

import org.civicassist.assistant.security.StaffPrincipal;
import org.civicassist.assistant.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality screen's API under {@code /api/v1/staff/maintain/quality} (ADMIN or MAINTAINER): the evaluation
 * harness run on the served KB as a separate process ({@link QualityRunner}), its status, and the figures of the
 * latest reports with a link to each report.html. The link carries a short-lived ticket ({@link ReportTickets})
 * instead of the staff token, since the console shows the report in a sandboxed frame; the report is served with a
 * CSP of its own that runs no script ({@code SecurityHeaders}).
 */
@RestController
@RequestMapping(path = QualityController.PATH)
public class QualityController {

    static final String PATH = "/api/v1/staff/maintain/quality";

    private final QualityRunner runner;
    private final ReportTickets tickets;

    public QualityController(QualityRunner runner, ReportTickets tickets) {
        this.runner = runner;
        this.tickets = tickets;
    }

    /** Whether runs are possible (and how to switch them on), the run going on or the last one, the last reports. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> status() {
        return Mono.fromCallable(() -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("enabled", runner.enabled());
            if (!runner.enabled()) {
                out.put("how_to_enable_zh", "在服务器配置中设置 assistant.quality.command（评测程序 eval.jar 的命令行，"
                        + "如 java -jar eval/target/eval.jar regress eval/regressions/dev.yaml），重启服务后即可在此运行评测。");
                out.put("how_to_enable_en", "Set assistant.quality.command to the command line of eval.jar (e.g. "
                        + "java -jar eval/target/eval.jar regress eval/regressions/dev.yaml) and restart the server.");
            }
            out.put("kb", runner.kb());
            out.put("run", runner.latest().map(QualityRunner::toJson).orElse(null));
            out.put("reports", runner.lastEnded().map(this::reports).orElse(null));
            return out;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private Map<String, Object> reports(QualityRunner.Run run) {
        String ticket = tickets.issue(run.id());
        List<Map<String, Object>> list = runner.reports(run.id()).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("kb", r.kb());
            m.put("questions", r.questions());
            m.put("metrics", r.metrics());
            m.put("counts", r.counts());
            m.put("html", runner.reportHtml(run.id(), r.name()).isPresent()
                    ? PATH + "/runs/" + run.id() + "/reports/" + r.name() + "/report.html?ticket="
                    + UriUtils.encodeQueryParam(ticket, StandardCharsets.UTF_8) : null);
            return m;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run.id());
        out.put("state", QualityRunner.toJson(run).get("state"));
        out.put("finished_at", run.finishedAt() == null ? null : run.finishedAt().toString());
        out.put("items", list);
        return out;
    }

    /** Starts a run on the served KB: 202 with the run; 409 while one runs, or when no command is configured. */
    @PostMapping(path = "/runs", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> start(@AuthenticationPrincipal StaffPrincipal me) {
        return Mono.fromCallable(() -> ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(QualityRunner.toJson(runner.start(me.username())))).subscribeOn(Schedulers.boundedElastic());
    }

    /** A report.html of a run, for the console's sandboxed frame: the ticket of that run's status link. */
    @GetMapping(path = "/runs/{id}/reports/{name}/report.html", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<byte[]>> report(@PathVariable String id, @PathVariable String name,
                                               @RequestParam(name = "ticket", required = false) String ticket) {
        return Mono.fromCallable(() -> {
            if (!tickets.valid(id, ticket)) {
                throw new ApiException(HttpStatus.FORBIDDEN, "report-ticket-invalid",
                        "报告链接已过期或无效，请在控制台刷新后重新打开。",
                        "The report link has expired or is not valid; reload the console and open it again.");
            }
            byte[] html = Files.readAllBytes(runner.reportHtml(id, name).orElseThrow(() -> new ApiException(
                    HttpStatus.NOT_FOUND, "report-not-found", "没有这份评测报告。", "There is no such report.")));
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(html);
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
