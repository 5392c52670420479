package org.civicassist.assistant.maintain;

import org.civicassist.assistant.audit.AuditEntry;
import org.civicassist.assistant.audit.AuditLog;
import org.civicassist.assistant.web.ApiException;
import org.civicassist.kb.io.FaqJsonl;
import org.civicassist.kb.io.GuideMarkdown;
import org.civicassist.kb.load.KbProblem;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.GuideSection;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The maintainers' edits of the knowledge base: browse guides and FAQs of the served KB, change a FAQ (question,
 * similar questions, answer, guide) or add a similar question, change a guide section's heading and text (only that
 * section's lines of its guides/*.md file, see {@link GuideMarkdown}), and revert a change. Every change rewrites only the
 * FAQ's line of the KB directory's faq.jsonl ({@link FaqJsonl#replaceLine}, replaced in one step), is kept in the
 * {@link FaqHistory} beside the KB with who, when and the previous line, is audited, and is followed by the usual
 * reload ({@link KnowledgeBaseService#reload}). The bundled demo KB is read-only: changes answer 409
 * {@code kb-read-only}.
 */
public class KbEditService {

    static final int MAX_QUESTION = 300;
    static final int MAX_ANSWER = 20_000;
    static final int MAX_SIMILAR = 200;
    static final int MAX_LISTED = 50;
    static final int MAX_HEADING = 60;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KnowledgeBaseService knowledge;
    private final FaqHistory history;
    private final AuditLog audit;
    private final Clock clock;

    public KbEditService(KnowledgeBaseService knowledge, FaqHistory history, AuditLog audit, Clock clock) {
        this.knowledge = knowledge;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
    }

    /** A FAQ as the maintainer wants it ({@code similar} one question an entry; {@code version} the one edited). */
    public record FaqEdit(String question, List<String> similar, String answer, String guide, String version) {
    }

    /**
     * What a change did: the history entry ({@code null} when nothing changed), the FAQ now (or for a guide change,
     * {@code guide}, the guide now), and the reload.
     */
    public record Outcome(String outcome, FaqChange change, Map<String, Object> faq, Boolean reloaded,
                          String message, Map<String, Object> guide) {
        public Outcome(String outcome, FaqChange change, Map<String, Object> faq, Boolean reloaded, String message) {
            this(outcome, change, faq, reloaded, message, null);
        }
    }

    // --- reading ---

    /** The served KB: source, whether it can be edited, counts, and the problems found loading it. */
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", knowledge.source().describe());
        out.put("editable", knowledge.source().directory().isPresent());
        knowledge.status().ifPresent(s -> {
            out.put("loaded_at", s.loadedAt().toString());
            out.put("guides", s.guides());
            out.put("faqs", s.faqs());
            out.put("passages", s.passages());
            out.put("problems", s.warnings().stream().map(w -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("file", w.file());
                p.put("line", w.line());
                p.put("message", w.message());
                return p;
            }).toList());
            out.put("last_failure", s.lastFailure().orElse(null));
            out.put("last_failure_at", s.lastFailureAt().map(Object::toString).orElse(null));
        });
        return out;
    }

    /** FAQs whose id, question, similar questions or answer contain {@code q} (all without), optionally of a guide. */
    public Map<String, Object> faqs(String q, String guide) {
        String needle = norm(q);
        KnowledgeBase kb = knowledge.get().knowledgeBase();
        List<Faq> found = kb.faqs().stream()
                .filter(f -> guide == null || guide.isBlank() || guide.strip().equals(f.guideId()))
                .filter(f -> needle.isEmpty() || norm(f.id()).contains(needle) || norm(f.question()).contains(needle)
                        || f.similar().stream().anyMatch(s -> norm(s).contains(needle))
                        || norm(f.answer()).contains(needle))
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", found.size());
        out.put("faqs", found.stream().limit(MAX_LISTED).map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("domain", f.domain());
            m.put("question", f.question());
            m.put("similar_count", f.similar().size());
            m.put("guide", f.guideId());
            m.put("answer", f.answer().length() <= 120 ? f.answer() : f.answer().substring(0, 120) + "…");
            return m;
        }).toList());
        return out;
    }

    /** Guides whose id, title, domain or department contain {@code q} (all of them), with sections and FAQ counts. */
    public Map<String, Object> guides(String q) {
        String needle = norm(q);
        KnowledgeBase kb = knowledge.get().knowledgeBase();
        List<Guide> found = kb.guides().stream()
                .filter(g -> needle.isEmpty() || norm(g.id()).contains(needle) || norm(g.title()).contains(needle)
                        || norm(g.domain()).contains(needle) || norm(g.department()).contains(needle))
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", found.size());
        out.put("guides", found.stream().map(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", g.id());
            m.put("title", g.title());
            m.put("domain", g.domain());
            m.put("department", g.department());
            m.put("url", g.url() != null ? g.url() : "/guides/" + g.id());
            m.put("sections", g.sections().stream().map(s -> s.heading()).toList());
            m.put("faqs", kb.faqsOfGuide(g.id()).size());
            return m;
        }).toList());
        return out;
    }

    /** One FAQ: from faq.jsonl when the KB is a directory (with the version an edit names), else as served. */
    public Mono<Map<String, Object>> faq(String id) {
        return Mono.fromCallable(() -> {
            Faq served = knowledge.get().knowledgeBase().faq(id).orElseThrow(() -> notFound(id));
            Optional<Path> dir = knowledge.source().directory();
            if (dir.isEmpty()) {
                Map<String, Object> view = view(served, null);
                view.put("editable", false);
                return view;
            }
            String line = FaqJsonl.line(dir.get().resolve(KbSource.FAQ_FILE), id).orElseThrow(() -> notInFile(id));
            Map<String, Object> view = view(parse(line, served.domain()), line);
            view.put("editable", true);
            return view;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Changes, newest first, of one FAQ or of all ({@code faq} null); empty for the bundled KB. */
    public Mono<List<Map<String, Object>>> history(String faq, int limit) {
        Optional<Path> dir = knowledge.source().directory();
        if (dir.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.fromCallable(() -> history.list(dir.get(), blankToNull(faq), Math.max(1, Math.min(limit, 200)))
                        .stream().map(KbEditService::view).toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    // --- changing ---

    /** Replaces the FAQ's question, similar questions, answer and guide. */
    public Mono<Outcome> edit(String actor, String id, FaqEdit edit) {
        if (edit == null) {
            return Mono.error(ApiException.badInput("请提交常见问题的内容。", "Send the FAQ's content."));
        }
        return Mono.defer(() -> {
            Path dir = directory();
            KnowledgeBase kb = knowledge.get().knowledgeBase();
            Faq served = kb.faq(id).orElseThrow(() -> notFound(id));
            String question = required(edit.question(), MAX_QUESTION, "问题", "question");
            String answer = required(edit.answer(), MAX_ANSWER, "答案", "answer");
            List<String> similar = similar(edit.similar(), question);
            String guide = blankToNull(edit.guide());
            if (guide != null && kb.guide(guide).isEmpty()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "unknown-guide", "知识库中没有办事指南 " + abbreviate(guide) + "。",
                        "The knowledge base has no guide " + abbreviate(guide) + ".");
            }
            return change(actor, dir, id, "edit", null, current -> {
                requireVersion(edit.version(), current);
                Faq now = parse(current, served.domain());
                return FaqJsonl.toLine(new Faq(id, now.domain(), question, similar, answer, guide), current);
            });
        });
    }

    /** Appends a similar question to the FAQ (nothing changes when it already has it). */
    public Mono<Outcome> addSimilar(String actor, String id, String question) {
        return Mono.defer(() -> {
            Path dir = directory();
            Faq served = knowledge.get().knowledgeBase().faq(id).orElseThrow(() -> notFound(id));
            String q = required(question, MAX_QUESTION, "相似问法", "question");
            return change(actor, dir, id, "add-similar", null, current -> {
                Faq now = parse(current, served.domain());
                if (now.question().strip().equals(q) || now.similar().stream().anyMatch(s -> s.strip().equals(q))) {
                    return current;
                }
                if (now.similar().size() >= MAX_SIMILAR) {
                    throw ApiException.badInput("相似问法最多 " + MAX_SIMILAR + " 条。",
                            "A FAQ has at most " + MAX_SIMILAR + " similar questions.");
                }
                List<String> similar = new ArrayList<>(now.similar());
                similar.add(q);
                return FaqJsonl.toLine(new Faq(id, now.domain(), now.question(), similar, now.answer(),
                        now.guideId()), current);
            });
        });
    }

    /**
     * Restores the FAQ's line from before the change {@code changeId}. Refused (409 {@code faq-changed-since}) when
     * the FAQ was changed again after it: revert the later change first.
     */
    public Mono<Outcome> revert(String actor, String changeId) {
        return Mono.defer(() -> {
            Path dir = directory();
            if (changeId == null || !changeId.matches("[0-9a-f]{1,64}")) {
                throw changeNotFound();
            }
            return Mono.fromCallable(() -> history.find(dir, changeId).orElseThrow(KbEditService::changeNotFound))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(target -> target.guide() != null ? revertGuide(actor, dir, target)
                            : change(actor, dir, target.faq(), "revert", target.id(), current -> {
                        if (!current.equals(target.after())) {
                            throw new ApiException(HttpStatus.CONFLICT, "faq-changed-since",
                                    "该常见问题在这次修改之后又被修改过，请先撤销之后的修改。",
                                    "The FAQ was changed again after this change; revert the later change first.");
                        }
                        return target.before();
                    }));
        });
    }

    /**
     * Records a change made elsewhere (an accepted suggestion, by {@link org.civicassist.assistant.teach}) in the
     * history. Call it with the FAQ's lines read under the same lock as the change.
     */
    public void recorded(String actor, String action, String faq, FaqJsonl.LineChange change) {
        knowledge.source().directory().ifPresent(dir -> {
            if (change.changed()) {
                history.append(dir, actor, action, faq, change, null);
            }
        });
    }

    private Mono<Outcome> change(String actor, Path dir, String id, String action, String reverts,
                                 UnaryOperator<String> how) {
        Path file = dir.resolve(KbSource.FAQ_FILE);
        return Mono.fromCallable(() -> {
            synchronized (FaqJsonl.class) {
                FaqJsonl.LineChange change = FaqJsonl.replaceLine(file, id, how).orElseThrow(() -> notInFile(id));
                FaqChange entry = change.changed() ? history.append(dir, actor, action, id, change, reverts) : null;
                return new Object[]{change, entry};
            }
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(done -> {
            FaqJsonl.LineChange change = (FaqJsonl.LineChange) done[0];
            FaqChange entry = (FaqChange) done[1];
            Map<String, Object> faq = view(parse(change.after(), ""), change.after());
            if (entry == null) {
                return Mono.just(new Outcome("unchanged", null, faq, null, null));
            }
            return Mono.fromCallable(knowledge::reload).subscribeOn(Schedulers.boundedElastic())
                    .flatMap(r -> audit.record(new AuditEntry(clock.instant(), actor, "kb-" + action, id,
                                    "change=" + entry.id() + (reverts == null ? "" : " reverts=" + reverts)))
                            .thenReturn(new Outcome("changed", entry, faq, r.succeeded(), r.message())));
        });
    }

    // --- guides ---

    /** A guide section as the maintainer wants it: {@code section} the heading it has now, {@code version} from GET. */
    public record SectionEdit(String section, String heading, String body, String version) {
    }

    /** A guide's file found by the guide's id: its relative path and text. */
    private record GuideFile(String file, String text, Guide guide) {
    }

    /**
     * One guide with its sections in full: from its file when the KB is a directory (with the version an edit
     * names), else as served.
     */
    public Mono<Map<String, Object>> guide(String id) {
        return Mono.fromCallable(() -> {
            Guide served = knowledge.get().knowledgeBase().guide(id).orElseThrow(() -> guideNotFound(id));
            Optional<Path> dir = knowledge.source().directory();
            if (dir.isEmpty()) {
                Map<String, Object> view = guideView(served, null, null);
                view.put("editable", false);
                return view;
            }
            GuideFile f = guideFile(dir.get(), id);
            Map<String, Object> view = guideView(f.guide(), f.file(), f.text());
            view.put("editable", true);
            return view;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Replaces one section's heading and text in the guide's file: only that section's lines change, and the file is
     * checked to read back as the same guide with only that section changed before it is written. Kept in the
     * history, audited, and followed by the reload, as FAQ edits are.
     */
    public Mono<Outcome> editSection(String actor, String id, SectionEdit edit) {
        if (edit == null) {
            return Mono.error(ApiException.badInput("请提交章节的内容。", "Send the section's content."));
        }
        return Mono.defer(() -> {
            Path dir = directory();
            knowledge.get().knowledgeBase().guide(id).orElseThrow(() -> guideNotFound(id));
            String section = edit.section() == null ? "" : edit.section().strip();
            String heading = required(edit.heading(), MAX_HEADING, "章节标题", "section heading");
            if (heading.contains("\n") || heading.contains("\r")) {
                throw ApiException.badInput("章节标题只能有一行。", "A section heading is one line.");
            }
            String body = required(edit.body() == null ? null : edit.body().replace("\r\n", "\n"), MAX_ANSWER,
                    "章节内容", "section text");
            String[] lines = body.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (GuideMarkdown.isHeading(lines[i])) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, "section-has-heading",
                            "章节内容第 " + (i + 1) + " 行以“## ”开头，会被读成新的章节：请改用“### ”或去掉“## ”。",
                            "Line " + (i + 1) + " of the section text starts with '## ', which would start a new "
                                    + "section: use '### ' or drop the '## '.");
                }
            }
            return Mono.fromCallable(() -> writeSection(actor, dir, id, section, heading, body, edit.version()))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(done -> afterGuideChange(actor, "guide-edit", id, done, null));
        });
    }

    private Object[] writeSection(String actor, Path dir, String id, String section, String heading, String body,
                                  String version) {
        synchronized (GuideMarkdown.class) {
            GuideFile f = guideFile(dir, id);
            if (version != null && !version.isBlank() && !version.strip().equals(version(f.text()))) {
                throw new ApiException(HttpStatus.CONFLICT, "guide-changed", "该办事指南在您打开之后已被修改，请重新打开后再改。",
                        "The guide was changed since you opened it; open it again and redo your change.");
            }
            List<GuideSection> sections = f.guide().sections();
            int index = -1;
            for (int i = 0; i < sections.size(); i++) {
                if (sections.get(i).heading().equals(section)) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                throw new ApiException(HttpStatus.NOT_FOUND, "section-not-found",
                        "办事指南 " + abbreviate(id) + " 中没有章节“" + abbreviate(section) + "”。",
                        "The guide " + abbreviate(id) + " has no section '" + abbreviate(section) + "'.");
            }
            for (int i = 0; i < sections.size(); i++) {
                if (i != index && sections.get(i).heading().equals(heading)) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, "duplicate-section",
                            "该指南已有章节“" + abbreviate(heading) + "”，章节标题不能重复。",
                            "The guide already has a section '" + abbreviate(heading) + "'; headings are unique.");
                }
            }
            String after = GuideMarkdown.replaceSection(f.text(), section, heading, body)
                    .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "guide-unreadable",
                            "无法在指南文件 " + f.file() + " 中找到该章节，未作修改。",
                            "The section cannot be found in " + f.file() + "; nothing was changed."));
            // the file must read back as the same guide with only this section changed, or it is not written
            List<KbProblem> problems = new ArrayList<>();
            Optional<Guide> reread = new KnowledgeBaseLoader().parseGuide(f.file(), after, problems);
            List<GuideSection> expected = new ArrayList<>(sections);
            expected.set(index, new GuideSection(heading, body.strip()));
            Guide g = f.guide();
            if (reread.isEmpty() || !problems.isEmpty() || !reread.get().equals(new Guide(g.id(), g.title(),
                    g.domain(), g.department(), g.audience(), g.channels(), g.updated(), g.url(), expected))) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "section-not-kept",
                        "这样修改后指南文件无法按原样读回（" + problems.stream().map(KbProblem::message).findFirst()
                                .orElse("其他章节会受影响") + "），未作修改。",
                        "With this change the guide file would not read back as the same guide ("
                                + problems.stream().map(KbProblem::message).findFirst()
                                .orElse("other sections would change") + "); nothing was changed.");
            }
            if (after.equals(f.text())) {
                return new Object[]{f.file(), f.text(), null};
            }
            GuideMarkdown.write(dir.resolve(f.file()), after);
            return new Object[]{f.file(), after, history.appendGuide(dir, actor, "guide-edit", id, f.file(), f.text(),
                    after, null)};
        }
    }

    private Mono<Outcome> revertGuide(String actor, Path dir, FaqChange target) {
        return Mono.fromCallable(() -> {
            synchronized (GuideMarkdown.class) {
                Path file = dir.resolve(target.file());
                String current;
                try {
                    current = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new ApiException(HttpStatus.CONFLICT, "guide-changed-since",
                            "找不到指南文件 " + target.file() + "，无法撤销。",
                            "The guide file " + target.file() + " is gone; the change cannot be reverted.");
                }
                if (!current.equals(target.after())) {
                    throw new ApiException(HttpStatus.CONFLICT, "guide-changed-since",
                            "该办事指南在这次修改之后又被修改过，请先撤销之后的修改。",
                            "The guide was changed again after this change; revert the later change first.");
                }
                GuideMarkdown.write(file, target.before());
                return new Object[]{target.file(), target.before(), history.appendGuide(dir, actor, "revert",
                        target.guide(), target.file(), current, target.before(), target.id())};
            }
        }).subscribeOn(Schedulers.boundedElastic())
                .flatMap(done -> afterGuideChange(actor, "revert", target.guide(), done, target.id()));
    }

    /** {@code done}: the file, its text now, the history entry or {@code null}. */
    private Mono<Outcome> afterGuideChange(String actor, String action, String id, Object[] done,
                                                String reverts) {
        String file = (String) done[0];
        String text = (String) done[1];
        FaqChange entry = (FaqChange) done[2];
        Guide now = new KnowledgeBaseLoader().parseGuide(file, text, new ArrayList<>()).orElse(null);
        Map<String, Object> view = now == null ? Map.of("id", id) : guideView(now, file, text);
        if (entry == null) {
            return Mono.just(new Outcome("unchanged", null, null, null, null, view));
        }
        return Mono.fromCallable(knowledge::reload).subscribeOn(Schedulers.boundedElastic())
                .flatMap(r -> audit.record(new AuditEntry(clock.instant(), actor, "kb-" + action, id,
                                "change=" + entry.id() + " file=" + file + (reverts == null ? "" : " reverts=" + reverts)))
                        .thenReturn(new Outcome("changed", entry, null, r.succeeded(), r.message(), view)));
    }

    /** The guide's file in the KB directory: the first guides/*.md that reads as the guide {@code id}. */
    private GuideFile guideFile(Path dir, String id) {
        KnowledgeBaseLoader loader = new KnowledgeBaseLoader();
        try {
            for (String file : knowledge.source().guideFiles()) {
                String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
                Optional<Guide> g = loader.parseGuide(file, text, new ArrayList<>());
                if (g.isPresent() && g.get().id().equals(id)) {
                    return new GuideFile(file, text, g.get());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the guides of " + dir, e);
        }
        throw new ApiException(HttpStatus.CONFLICT, "guide-not-in-file",
                "guides/ 中找不到办事指南 " + abbreviate(id) + " 的文件，未作修改。",
                "guides/ has no file for guide " + abbreviate(id) + "; nothing was changed.");
    }

    private static Map<String, Object> guideView(Guide g, String file, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("title", g.title());
        m.put("domain", g.domain());
        if (file != null) {
            m.put("file", file);
            m.put("version", version(text));
        }
        m.put("sections", g.sections().stream().map(s -> {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("heading", s.heading());
            section.put("body", s.body());
            return section;
        }).toList());
        return m;
    }

    /** The section a guide change changed, before and after (the first that differs), read from the two files. */
    private static void guideChangeView(FaqChange c, Map<String, Object> m) {
        m.put("guide", c.guide());
        m.put("file", c.file());
        KnowledgeBaseLoader loader = new KnowledgeBaseLoader();
        Optional<Guide> before = loader.parseGuide(c.file(), c.before(), new ArrayList<>());
        Optional<Guide> after = loader.parseGuide(c.file(), c.after(), new ArrayList<>());
        if (before.isEmpty() || after.isEmpty()) {
            return;
        }
        List<GuideSection> b = before.get().sections();
        List<GuideSection> a = after.get().sections();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            GuideSection x = i < b.size() ? b.get(i) : null;
            GuideSection y = i < a.size() ? a.get(i) : null;
            if (x == null || !x.equals(y)) {
                m.put("section", x != null ? x.heading() : y.heading());
                m.put("before", x == null ? null : Map.of("heading", x.heading(), "body", x.body()));
                m.put("after", y == null ? null : Map.of("heading", y.heading(), "body", y.body()));
                return;
            }
        }
    }

    private static ApiException guideNotFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "guide-not-found",
                "知识库中没有办事指南 " + abbreviate(String.valueOf(id)) + "。",
                "The knowledge base has no guide " + abbreviate(String.valueOf(id)) + ".");
    }

    // --- helpers ---

    private Path directory() {
        return knowledge.source().directory().orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "kb-read-only",
                "服务器使用的是内置演示知识库，只读，不能在控制台修改。请用 --assistant.kb.path 指定知识库目录。",
                "The server runs on the bundled demo KB, which is read-only: it cannot be edited here. "
                        + "Serve a KB directory with --assistant.kb.path."));
    }

    private static void requireVersion(String expected, String current) {
        if (expected != null && !expected.isBlank() && !expected.strip().equals(version(current))) {
            throw new ApiException(HttpStatus.CONFLICT, "faq-changed", "该常见问题在您打开之后已被修改，请重新打开后再改。",
                    "The FAQ was changed since you opened it; open it again and redo your change.");
        }
    }

    static String version(String line) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String required(String value, int max, String zh, String en) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw ApiException.badInput(zh + "不能为空，且不超过 " + max + " 个字符。",
                    "The " + en + " must not be empty nor longer than " + max + " characters.");
        }
        return v;
    }

    private static List<String> similar(List<String> given, String question) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String s : given == null ? List.<String>of() : given) {
            String v = s == null ? "" : s.strip();
            if (v.length() > MAX_QUESTION) {
                throw ApiException.badInput("每条相似问法不超过 " + MAX_QUESTION + " 个字符。",
                        "Each similar question is at most " + MAX_QUESTION + " characters.");
            }
            if (!v.isEmpty() && !v.equals(question)) {
                out.add(v);
            }
        }
        if (out.size() > MAX_SIMILAR) {
            throw ApiException.badInput("相似问法最多 " + MAX_SIMILAR + " 条。",
                    "A FAQ has at most " + MAX_SIMILAR + " similar questions.");
        }
        return List.copyOf(out);
    }

    /** A faq.jsonl line as a FAQ (fields missing from it left empty; {@code domain} when it names none). */
    static Faq parse(String line, String domain) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.CONFLICT, "faq-line-unreadable", "faq.jsonl 中该条目无法读取。",
                    "The FAQ's line in faq.jsonl cannot be read.");
        }
        if (!(node instanceof ObjectNode o)) {
            throw new ApiException(HttpStatus.CONFLICT, "faq-line-unreadable", "faq.jsonl 中该条目无法读取。",
                    "The FAQ's line in faq.jsonl cannot be read.");
        }
        List<String> similar = new ArrayList<>();
        o.path("similar").forEach(s -> similar.add(s.asString("")));
        JsonNode guide = o.get("guide");
        return new Faq(o.path("id").asString(""), o.path("domain").asString(domain),
                o.path("question").asString(""), similar, o.path("answer").asString(""),
                guide == null || guide.isNull() ? null : guide.asString(null));
    }

    private static Map<String, Object> view(Faq f, String line) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("domain", f.domain());
        m.put("question", f.question());
        m.put("similar", f.similar());
        m.put("answer", f.answer());
        m.put("guide", f.guideId());
        if (line != null) {
            m.put("version", version(line));
        }
        return m;
    }

    private static Map<String, Object> view(FaqChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("at", c.at());
        m.put("actor", c.actor());
        m.put("action", c.action());
        if (c.guide() != null) {
            guideChangeView(c, m);
        } else {
            m.put("faq", c.faq());
            m.put("before", lenientView(c.before()));
            m.put("after", lenientView(c.after()));
        }
        if (c.reverts() != null) {
            m.put("reverts", c.reverts());
        }
        return m;
    }

    private static Object lenientView(String line) {
        try {
            return view(parse(line, ""), null);
        } catch (ApiException e) {
            return line;
        }
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "faq-not-found",
                "知识库中没有常见问题 " + abbreviate(String.valueOf(id)) + "。",
                "The knowledge base has no FAQ " + abbreviate(String.valueOf(id)) + ".");
    }

    private static ApiException notInFile(String id) {
        return new ApiException(HttpStatus.CONFLICT, "faq-not-in-file",
                "faq.jsonl 中找不到常见问题 " + abbreviate(id) + "，未作修改。",
                "faq.jsonl has no line for FAQ " + abbreviate(id) + "; nothing was changed.");
    }

    private static ApiException changeNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "change-not-found", "修改记录中没有这一条。",
                "The history has no such change.");
    }
}
