package org.civicassist.assistant.admin;

import org.civicassist.assistant.web.ApiException;
import org.civicassist.kb.io.FaqImport;
import org.civicassist.kb.io.FaqJsonl;
import org.civicassist.kb.io.FaqSheetException;
import org.civicassist.kb.io.FaqSheetExporter;
import org.civicassist.kb.io.FaqSheetFormat;
import org.civicassist.kb.io.FaqSheetImporter;
import org.civicassist.kb.io.ValidationReport;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maintainers' knowledge-base operations under {@code /api/v1/admin/kb} (guarded by the admin API key): status of
 * the served KB, reload, FAQ spreadsheet export, validation and import. An import that passes validation replaces
 * faq.jsonl of the KB directory and reloads; the bundled demo KB is read-only.
 */
@RestController
public class KnowledgeAdminController {

    /** Spreadsheets larger than this are refused before parsing. */
    static final int MAX_UPLOAD_BYTES = 10 << 20;

    private final KnowledgeBaseService knowledge;

    public KnowledgeAdminController(KnowledgeBaseService knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping(path = "/api/v1/admin/kb/status", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", knowledge.source().describe());
        knowledge.status().ifPresent(s -> {
            out.put("loaded_at", s.loadedAt().toString());
            out.put("content_key", s.contentKey());
            out.put("guides", s.guides());
            out.put("faqs", s.faqs());
            out.put("passages", s.passages());
            out.put("build_ms", s.buildTime().toMillis());
            out.put("warnings", s.warnings().stream().map(Object::toString).toList());
            out.put("last_failure", s.lastFailure().orElse(null));
            out.put("last_failure_at", s.lastFailureAt().map(Object::toString).orElse(null));
        });
        return out;
    }

    @PostMapping(path = "/api/v1/admin/kb/reload", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> reload() {
        return Mono.fromCallable(knowledge::reload).subscribeOn(Schedulers.boundedElastic())
                .map(o -> Map.of("reloaded", o.succeeded(), "message", o.message()));
    }

    @GetMapping(path = "/api/v1/admin/kb/faqs.{format}")
    public Mono<ResponseEntity<byte[]>> export(@PathVariable String format) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            return Mono.error(ApiException.badInput("导出格式只支持 csv 或 xlsx。", "Export as csv or xlsx."));
        }
        return Mono.fromCallable(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FaqSheetExporter exporter = new FaqSheetExporter(FaqSheetFormat.defaults());
            KnowledgeBase kb = knowledge.get().knowledgeBase();
            if (format.equals("csv")) {
                exporter.writeCsv(kb.faqs(), out);
            } else {
                exporter.writeXlsx(kb.faqs(), out);
            }
            MediaType type = format.equals("csv") ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                    : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            return ResponseEntity.ok().contentType(type)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"faq." + format + "\"")
                    .body(out.toByteArray());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Checks a spreadsheet (raw body; {@code name} gives its file name and so its type) without changing the KB. */
    @PostMapping(path = "/api/v1/admin/kb/faqs/validate", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> validate(@RequestParam("name") String name, ServerWebExchange exchange) {
        return read(name, exchange).map(imported -> report(imported.report()));
    }

    /** Replaces the KB's FAQs with a spreadsheet that passes validation, then reloads. */
    @PostMapping(path = "/api/v1/admin/kb/faqs/import", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> importFaqs(@RequestParam("name") String name,
                                                                ServerWebExchange exchange) {
        Path dir = knowledge.source().directory().orElse(null);
        if (dir == null) {
            return Mono.error(new ApiException(HttpStatus.CONFLICT, "kb-read-only",
                    "内置演示知识库不能导入，请用 --assistant.kb.path 指定知识库目录。",
                    "The bundled demo KB is read-only: serve a KB directory with --assistant.kb.path."));
        }
        return read(name, exchange).flatMap(imported -> {
            Map<String, Object> body = report(imported.report());
            if (imported.report().hasErrors()) {
                return Mono.just(ResponseEntity.unprocessableEntity().body(body));
            }
            return Mono.fromCallable(() -> {
                FaqJsonl.write(dir.resolve(KbSource.FAQ_FILE), imported.faqs());
                KnowledgeBaseService.ReloadOutcome outcome = knowledge.reload();
                body.put("reloaded", outcome.succeeded());
                body.put("message", outcome.message());
                return ResponseEntity.ok(body);
            }).subscribeOn(Schedulers.boundedElastic());
        });
    }

    private Mono<FaqImport> read(String name, ServerWebExchange exchange) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_UPLOAD_BYTES)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .switchIfEmpty(Mono.error(() -> ApiException.badInput("请上传表格文件。", "Upload a spreadsheet.")))
                .publishOn(Schedulers.boundedElastic())
                .map(bytes -> {
                    try {
                        return new FaqSheetImporter(FaqSheetFormat.defaults())
                                .read(name, bytes, knowledge.get().knowledgeBase().guides());
                    } catch (FaqSheetException e) {
                        throw ApiException.badInput("表格无法读取：" + e.getMessage(),
                                "The spreadsheet cannot be read: " + e.getMessage());
                    }
                })
                .onErrorMap(org.springframework.core.io.buffer.DataBufferLimitException.class,
                        e -> new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large",
                                "文件超过 10 MB。", "The file is larger than 10 MB."));
    }

    private static Map<String, Object> report(ValidationReport r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", r.source());
        body.put("rows_read", r.rowsRead());
        body.put("importable", r.imported());
        body.put("errors", r.errors().size());
        body.put("warnings", r.warnings().size());
        body.put("issues", r.issues().stream().map(i -> Map.of("severity", i.severity().name().toLowerCase(java.util.Locale.ROOT),
                "kind", i.kind().name().toLowerCase(java.util.Locale.ROOT), "at", String.valueOf(i.location()), "message", i.message()))
                .toList());
        body.put("report", r.render());
        return body;
    }
}
