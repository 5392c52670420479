package org.civicassist.assistant.teach;

import org.civicassist.assistant.audit.AuditEntry;
import org.civicassist.assistant.audit.AuditLog;
import org.civicassist.assistant.web.ApiException;
import org.civicassist.kb.io.FaqJsonl;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff teach the assistant while they work: closing a handed-off conversation with the KB item that answered it
 * ({@code answered_by}) leaves the citizen's question (masked, as stored) as a suggested similar question of that
 * item, and a maintainer accepts it (the question is appended to the FAQ's {@code similar} in the KB directory's
 * faq.jsonl and the KB reloads) or rejects it. Suggestion, acceptance and rejection are audited (who, when, which
 * suggestion and item; never the question text).
 *
 * <p>A guide or a guide section has no similar questions: a suggestion recorded against one (its citation key) can
 * only be accepted onto a FAQ the maintainer names ({@code {"faq": "<faq id>"}}), otherwise it is rejected.
 */
public class TeachService {

    /** Longest {@code answered_by} accepted. */
    static final int MAX_ITEM_LENGTH = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SuggestionStore store;
    private final KnowledgeBaseService knowledge;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration retention;
    private volatile FaqChangeRecorder recorder;

    /** Told of every change an acceptance makes to faq.jsonl (the maintainers' history of FAQ changes). */
    @FunctionalInterface
    public interface FaqChangeRecorder {
        void recorded(String actor, String action, String faq, FaqJsonl.LineChange change);
    }

    public void recordChangesWith(FaqChangeRecorder recorder) {
        this.recorder = recorder;
    }

    public TeachService(SuggestionStore store, KnowledgeBaseService knowledge, AuditLog audit, Clock clock,
                        Duration retention) {
        this.store = store;
        this.knowledge = knowledge;
        this.audit = audit;
        this.clock = clock;
        this.retention = retention;
    }

    /** What a maintainer's decision did. */
    public record Decision(Suggestion suggestion, String faq, String outcome, Boolean reloaded, String message) {
    }

    /**
     * Checks {@code answered_by} against the served KB: a FAQ id, a guide id or {@code guide-id#section}.
     *
     * @return the key, stripped, or {@code null} when none was given
     * @throws ApiException 400 {@code unknown-item} when the KB has no such item
     */
    public String validateItem(String answeredBy) {
        if (answeredBy == null || answeredBy.isBlank()) {
            return null;
        }
        String key = answeredBy.strip();
        if (key.length() > MAX_ITEM_LENGTH || !exists(knowledge.get().knowledgeBase(), key)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "unknown-item",
                    "知识库中没有这个条目：" + abbreviate(key) + "。请从候选条目或知识库检索结果中选择。",
                    "The knowledge base has no item " + abbreviate(key)
                            + "; pick one of the candidates or a knowledge-base search result.");
        }
        return key;
    }

    private static boolean exists(KnowledgeBase kb, String key) {
        if (kb.faq(key).isPresent()) {
            return true;
        }
        int hash = key.indexOf('#');
        Optional<Guide> guide = kb.guide(hash < 0 ? key : key.substring(0, hash));
        return guide.isPresent() && (hash < 0 || guide.get().section(key.substring(hash + 1)).isPresent());
    }

    /**
     * Records {@code question} as a suggested similar question of {@code item} (already validated). Nothing is
     * recorded when the question is empty, is already that FAQ's question or one of its similar questions, or is
     * already pending for the same item.
     */
    public Mono<Optional<Suggestion>> suggest(String actor, String conversationId, String question, String item) {
        if (item == null || question == null || question.isBlank()) {
            return Mono.just(Optional.empty());
        }
        String q = question.strip();
        KnowledgeBase kb = knowledge.get().knowledgeBase();
        Optional<Faq> faq = kb.faq(item);
        if (faq.isPresent() && (faq.get().question().strip().equals(q)
                || faq.get().similar().stream().anyMatch(s -> s.strip().equals(q)))) {
            return Mono.just(Optional.empty());
        }
        return store.pending().flatMap(all -> {
            Optional<Suggestion> same = all.stream()
                    .filter(s -> s.item().equals(item) && s.question().equals(q)).findFirst();
            if (same.isPresent()) {
                return Mono.just(same);
            }
            Suggestion s = new Suggestion(newId(), conversationId, q, item, faq.map(Faq::id).orElse(null), actor,
                    clock.instant().toString());
            return store.add(s)
                    .then(record(actor, "suggest", conversationId, "suggestion=" + s.id() + " item=" + item))
                    .thenReturn(Optional.of(s));
        });
    }

    /** Pending suggestions, oldest first; those older than the retention period are dropped on the way. */
    public Mono<List<Suggestion>> pending() {
        Instant oldest = clock.instant().minus(retention);
        return store.pending().flatMap(all -> {
            List<Suggestion> expired = all.stream().filter(s -> Instant.parse(s.suggestedAt()).isBefore(oldest))
                    .toList();
            Mono<Void> drop = reactor.core.publisher.Flux.fromIterable(expired)
                    .concatMap(s -> store.remove(s.id())).then();
            return drop.thenReturn(all.stream().filter(s -> !expired.contains(s)).toList());
        });
    }

    /**
     * Appends the suggestion's question to the FAQ's similar questions in faq.jsonl and reloads the KB.
     *
     * @param faqOverride the FAQ to add it to instead of the suggested one (needed for a guide suggestion)
     */
    public Mono<Decision> accept(String actor, String id, String faqOverride) {
        Optional<Path> dir = knowledge.source().directory();
        if (dir.isEmpty()) {
            return Mono.error(new ApiException(HttpStatus.CONFLICT, "kb-read-only",
                    "服务器使用的是内置演示知识库，只读，无法采纳相似问法。请用 --assistant.kb.path 指定知识库目录。",
                    "The server runs on the bundled demo KB, which is read-only: no similar question can be added. "
                            + "Serve a KB directory with --assistant.kb.path."));
        }
        Path file = dir.get().resolve(KbSource.FAQ_FILE);
        return find(id).flatMap(s -> {
            String faqId = faqOverride != null && !faqOverride.isBlank() ? faqOverride.strip() : s.faq();
            if (faqId == null) {
                return Mono.error(new ApiException(HttpStatus.CONFLICT, "suggestion-needs-faq",
                        "该建议指向的是办事指南（" + s.item() + "），指南没有相似问法：请用 {\"faq\": \"FAQ 编号\"} 指定要加入的常见问题，或驳回。",
                        "The suggestion names a guide or a guide section (" + s.item() + "), which has no similar "
                                + "questions: accept it onto a FAQ with {\"faq\": \"<faq id>\"}, or reject it."));
            }
            if (knowledge.get().knowledgeBase().faq(faqId).isEmpty()) {
                return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "unknown-item",
                        "知识库中没有这个常见问题：" + abbreviate(faqId) + "。",
                        "The knowledge base has no FAQ " + abbreviate(faqId) + "."));
            }
            return store.remove(id).flatMap(removed -> {
                if (!removed) {
                    return Mono.error(notFound());
                }
                return Mono.fromCallable(() -> write(actor, file, faqId, s.question()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> store.add(s).then(Mono.error(e)))
                        .flatMap(outcome -> {
                            if (outcome == FaqJsonl.AddOutcome.NO_SUCH_FAQ) {
                                return store.add(s).then(Mono.error(new ApiException(HttpStatus.CONFLICT,
                                        "faq-not-in-file", "faq.jsonl 中找不到常见问题 " + faqId + "，未作修改。",
                                        "faq.jsonl has no line for FAQ " + faqId + "; nothing was changed.")));
                            }
                            boolean added = outcome == FaqJsonl.AddOutcome.ADDED;
                            Mono<KnowledgeBaseService.ReloadOutcome> reload = added
                                    ? Mono.fromCallable(knowledge::reload).subscribeOn(Schedulers.boundedElastic())
                                    : Mono.just(new KnowledgeBaseService.ReloadOutcome(false,
                                    "the FAQ already has this question; nothing to reload"));
                            return reload.flatMap(r -> record(actor, "suggestion-accept", faqId, "suggestion=" + id
                                    + " conversation=" + s.conversationId() + " item=" + s.item()
                                    + (added ? "" : " already-present"))
                                    .thenReturn(new Decision(s, faqId, added ? "added" : "already_present",
                                            r.succeeded(), r.message())));
                        });
            });
        });
    }

    /** Drops the suggestion; the KB is not touched. */
    public Mono<Decision> reject(String actor, String id) {
        return find(id).flatMap(s -> store.remove(id).flatMap(removed -> removed
                ? record(actor, "suggestion-reject", s.item(), "suggestion=" + id + " conversation="
                + s.conversationId()).thenReturn(new Decision(s, null, "rejected", null, null))
                : Mono.error(notFound())));
    }

    private FaqJsonl.AddOutcome write(String actor, Path file, String faqId, String question) {
        // the same lock as every other one-line change of faq.jsonl, so that the lines before and after are this one's
        synchronized (FaqJsonl.class) {
            FaqChangeRecorder r = recorder;
            Optional<String> before = r == null ? Optional.empty() : FaqJsonl.line(file, faqId);
            FaqJsonl.AddOutcome outcome = FaqJsonl.addSimilar(file, faqId, question);
            if (r != null && outcome == FaqJsonl.AddOutcome.ADDED && before.isPresent()) {
                r.recorded(actor, "suggestion-accept", faqId,
                        new FaqJsonl.LineChange(before.get(), FaqJsonl.line(file, faqId).orElse("")));
            }
            return outcome;
        }
    }

    private Mono<Suggestion> find(String id) {
        if (id == null || !id.matches("[0-9a-f]{1,64}")) {
            return Mono.error(notFound());
        }
        return store.find(id).switchIfEmpty(Mono.error(TeachService::notFound));
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "suggestion-not-found", "没有这条待审核的建议（可能已被处理）。",
                "There is no pending suggestion with this id (it may have been decided already).");
    }

    private Mono<Void> record(String actor, String action, String target, String detail) {
        return audit.record(new AuditEntry(clock.instant(), actor, action, target, detail));
    }

    private static String newId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    /** The decision as JSON. */
    static Map<String, Object> body(Decision d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("suggestion", d.suggestion());
        out.put("outcome", d.outcome());
        if (d.faq() != null) {
            out.put("faq", d.faq());
        }
        if (d.reloaded() != null) {
            out.put("reloaded", d.reloaded());
            out.put("message", d.message());
        }
        return out;
    }
}
