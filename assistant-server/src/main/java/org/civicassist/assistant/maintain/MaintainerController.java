package org.civicassist.assistant.maintain;

import org.civicassist.assistant.analytics.AnalyticsController;
import org.civicassist.assistant.analytics.AnalyticsController.AnalyticsSettings;
import org.civicassist.assistant.analytics.AnalyticsReport;
import org.civicassist.assistant.analytics.AnalyticsReporter;
import org.civicassist.assistant.security.StaffPrincipal;
import org.civicassist.assistant.teach.Suggestion;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The maintainers' console API under {@code /api/v1/staff/maintain} (a staff token of an ADMIN or MAINTAINER): the
 * analytics report (the same {@link AnalyticsReporter} as {@code /api/v1/admin/analytics}), linking knowledge gaps to
 * KB items (suggestions, reviewed with {@code /api/v1/staff/kb/suggestions}), browsing the KB and editing FAQs and
 * guide sections ({@link KbEditService}), and the conversation log ({@link ConversationLog}). Every change is made in
 * the name of the logged-in maintainer.
 */
@RestController
@RequestMapping(path = "/api/v1/staff/maintain", produces = MediaType.APPLICATION_JSON_VALUE)
public class MaintainerController {

    private final AnalyticsReporter reporter;
    private final int maxDays;
    private final KbEditService kb;
    private final GapLinks gaps;
    private final ConversationLog conversations;

    public MaintainerController(AnalyticsReporter reporter, AnalyticsSettings settings, KbEditService kb,
                                GapLinks gaps, ConversationLog conversations) {
        this.reporter = reporter;
        this.maxDays = settings.maxDays();
        this.kb = kb;
        this.gaps = gaps;
        this.conversations = conversations;
    }

    @GetMapping("/analytics")
    public Mono<AnalyticsReport> analytics(@RequestParam(name = "days", required = false) String days) {
        return Mono.fromCallable(() -> AnalyticsController.days(days, maxDays)).flatMap(reporter::report);
    }

    /** @param questions masked questions of a knowledge gap, as the report gives them; @param item a citation key */
    public record LinkRequest(String item, List<String> questions) {
    }

    @PostMapping("/gaps/link")
    public Mono<Map<String, Object>> link(@AuthenticationPrincipal StaffPrincipal me,
                                          @RequestBody(required = false) Mono<LinkRequest> body) {
        return body.defaultIfEmpty(new LinkRequest(null, null))
                .flatMap(r -> gaps.link(me.username(), r.item(), r.questions()).map(made -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("item", r.item().strip());
                    out.put("suggestions", made);
                    return out;
                }));
    }

    // --- the conversation log ---

    /**
     * Conversations, most recently active first: {@code q} text in a message, {@code outcome} ({@code answered},
     * {@code clarify}, {@code handoff}, {@code not_useful}), {@code day} (YYYY-MM-DD, a message that day),
     * {@code limit} (1–50, default 20) and {@code cursor} (the previous page's {@code next_cursor}); 400 otherwise.
     */
    @GetMapping("/conversations")
    public Mono<ConversationLog.Page> conversations(@AuthenticationPrincipal StaffPrincipal me,
                                                    @RequestParam(name = "q", required = false) String q,
                                                    @RequestParam(name = "outcome", required = false) String outcome,
                                                    @RequestParam(name = "day", required = false) String day,
                                                    @RequestParam(name = "limit", required = false) String limit,
                                                    @RequestParam(name = "cursor", required = false) String cursor) {
        return Mono.fromCallable(() -> conversations.query(q, outcome, day, limit, cursor))
                .flatMap(query -> conversations.list(me.username(), query));
    }

    /** One transcript, with each reply's confidence and the candidates it considered; audited. */
    @GetMapping("/conversations/{id}")
    public Mono<ConversationLog.Transcript> conversation(@AuthenticationPrincipal StaffPrincipal me,
                                                         @PathVariable String id) {
        return conversations.read(me.username(), id);
    }

    /** @param item the KB item that should have answered: a FAQ id, a guide id or {@code guide-id#section} */
    public record MarkRequest(String item) {
    }

    /** The question a reply answered becomes a suggested similar question of the right item (reviewed as usual). */
    @PostMapping(path = "/conversations/{id}/messages/{messageId}/mark", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ConversationLog.Marked> mark(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
                                             @PathVariable String messageId,
                                             @RequestBody(required = false) Mono<MarkRequest> body) {
        return body.defaultIfEmpty(new MarkRequest(null))
                .flatMap(r -> conversations.mark(me.username(), id, messageId, r.item()));
    }

    // --- the knowledge base ---

    @GetMapping("/kb/status")
    public Map<String, Object> status() {
        return kb.status();
    }

    @GetMapping("/kb/faqs")
    public Map<String, Object> faqs(@RequestParam(name = "q", required = false) String q,
                                    @RequestParam(name = "guide", required = false) String guide) {
        return kb.faqs(q, guide);
    }

    @GetMapping("/kb/guides")
    public Map<String, Object> guides(@RequestParam(name = "q", required = false) String q) {
        return kb.guides(q);
    }

    /** One guide with its sections in full ({@code version} for an edit, {@code editable} false on the bundled KB). */
    @GetMapping("/kb/guides/{id}")
    public Mono<Map<String, Object>> guide(@PathVariable String id) {
        return kb.guide(id);
    }

    /**
     * @param section the heading of the section to change, as it is now
     * @param heading its new heading (the same to keep it)
     * @param body    its new Markdown text (no line may start with {@code ## })
     * @param version the guide's version from GET: a change made since is a 409
     */
    public record SectionRequest(String section, String heading, String body, String version) {
    }

    /** Changes one section of a guide in its guides/*.md file; kept in the history, reverted like FAQ edits. */
    @PutMapping(path = "/kb/guides/{id}/section", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> editSection(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
                                                 @RequestBody Mono<SectionRequest> body) {
        return body.switchIfEmpty(Mono.fromCallable(() -> new SectionRequest(null, null, null, null)))
                .flatMap(r -> kb.editSection(me.username(), id, new KbEditService.SectionEdit(r.section(),
                        r.heading(), r.body(), r.version())))
                .map(MaintainerController::body);
    }

    @GetMapping("/kb/faqs/{id}")
    public Mono<Map<String, Object>> faq(@PathVariable String id) {
        return kb.faq(id);
    }

    /** The FAQ as the maintainer wants it; {@code version} (from GET) makes a concurrent change a 409. */
    public record FaqRequest(String question, List<String> similar, String answer, String guide, String version) {
    }

    @PutMapping(path = "/kb/faqs/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> edit(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
                                          @RequestBody Mono<FaqRequest> body) {
        return body.switchIfEmpty(Mono.fromCallable(() -> new FaqRequest(null, null, null, null, null)))
                .flatMap(r -> kb.edit(me.username(), id, new KbEditService.FaqEdit(r.question(), r.similar(),
                        r.answer(), r.guide(), r.version())))
                .map(MaintainerController::body);
    }

    public record SimilarRequest(String question) {
    }

    @PostMapping(path = "/kb/faqs/{id}/similar", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Map<String, Object>> addSimilar(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
                                                @RequestBody Mono<SimilarRequest> body) {
        return body.defaultIfEmpty(new SimilarRequest(null))
                .flatMap(r -> kb.addSimilar(me.username(), id, r.question()))
                .map(MaintainerController::body);
    }

    /** Changes, newest first: of one FAQ ({@code faq}), of one guide ({@code guide}), or all. */
    @GetMapping("/kb/history")
    public Mono<List<Map<String, Object>>> history(@RequestParam(name = "faq", required = false) String faq,
                                                   @RequestParam(name = "guide", required = false) String guide,
                                                   @RequestParam(name = "limit", defaultValue = "50") int limit) {
        return kb.history(faq != null && !faq.isBlank() ? faq : guide, limit);
    }

    @PostMapping("/kb/history/{id}/revert")
    public Mono<Map<String, Object>> revert(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id) {
        return kb.revert(me.username(), id).map(MaintainerController::body);
    }

    /** The outcome as JSON: {@code outcome}, {@code faq}, and for a change {@code change}, {@code reloaded}. */
    static Map<String, Object> body(KbEditService.Outcome o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", o.outcome());
        if (o.guide() != null) {
            out.put("guide", o.guide());
        } else {
            out.put("faq", o.faq());
        }
        if (o.change() != null) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("id", o.change().id());
            change.put("at", o.change().at());
            change.put("actor", o.change().actor());
            change.put("action", o.change().action());
            if (o.change().guide() != null) {
                change.put("guide", o.change().guide());
            }
            if (o.change().reverts() != null) {
                change.put("reverts", o.change().reverts());
            }
            out.put("change", change);
            out.put("reloaded", o.reloaded());
            out.put("message", o.message());
        }
        return out;
    }
}
