package org.civicassist.kb.load;

import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.GuideSection;
import org.civicassist.kb.model.KnowledgeBase;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a knowledge base in the shared format: {@code guides/*.md} (YAML front matter between {@code ---} lines, then
 * {@code ## } sections) and {@code faq.jsonl} (one FAQ object a line). Every problem names the file, the line and what
 * is wrong. See {@link LoadMode} for what a bad entry does.
 */
public final class KnowledgeBaseLoader {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public LoadResult load(KbSource source, LoadMode mode) {
        try {
            return doLoad(source, mode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge base " + source.describe(), e);
        }
    }

    private LoadResult doLoad(KbSource source, LoadMode mode) throws IOException {
        List<KbProblem> problems = new ArrayList<>();
        Map<String, String> idOwners = new HashMap<>();

        // a KB of FAQs only (no guides/ directory) is fine; one with neither guides nor FAQs fails below
        List<String> guideFiles = source.guideFiles();
        Map<String, Guide> guides = new LinkedHashMap<>();
        for (String file : guideFiles) {
            String text = source.read(file).orElse("");
            parseGuide(file, text, problems).ifPresent(guide -> {
                if (claimId(guide.id(), file, lineOf(text, "id:"), idOwners, problems)) {
                    guides.put(guide.id(), guide);
                }
            });
        }

        List<Faq> faqs = new ArrayList<>();
        Optional<String> faqText = source.read(KbSource.FAQ_FILE);
        if (faqText.isEmpty()) {
            problems.add(new KbProblem(KbSource.FAQ_FILE, 0, "missing (an empty file is fine if there are no FAQs)"));
        } else {
            String[] lines = faqText.get().split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                int lineNo = i + 1;
                parseFaq(lines[i], lineNo, guides, problems).ifPresent(faq -> {
                    if (claimId(faq.id(), KbSource.FAQ_FILE, lineNo, idOwners, problems)) {
                        faqs.add(faq);
                    }
                });
            }
        }

        if (mode == LoadMode.STRICT && !problems.isEmpty()) {
            throw new KbLoadException(source.describe(), problems);
        }
        if (guides.isEmpty() && faqs.isEmpty()) {
            List<KbProblem> all = new ArrayList<>(problems);
            all.add(new KbProblem(guideFiles.isEmpty() ? KbSource.GUIDES_DIR : KbSource.FAQ_FILE, 0,
                    "nothing to load: no guides/*.md and no FAQs"));
            throw new KbLoadException(source.describe(), all);
        }
        return new LoadResult(new KnowledgeBase(List.copyOf(guides.values()), faqs), problems);
    }

    private static boolean claimId(String id, String file, int line, Map<String, String> owners,
                                   List<KbProblem> problems) {
        String previous = owners.putIfAbsent(id, file + (line > 0 ? ":" + line : ""));
        if (previous != null) {
            problems.add(new KbProblem(file, line, "duplicate id '" + id + "' (already used at " + previous + ")"));
            return false;
        }
        return true;
    }

    // ---- guides ----

    /**
     * One guide file as the loader reads it (also to check a file before it is written).
     *
     * @param file     its relative path, for the problems
     * @param problems where the problems found are added
     * @return the guide, or empty when the file cannot be read as one (the problems say why)
     */
    public Optional<Guide> parseGuide(String file, String text, List<KbProblem> problems) {
        String[] lines = text.replace("\uFEFF", "").split("\r?\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            problems.add(new KbProblem(file, 1, "front matter missing: the file must start with a '---' line"));
            return Optional.empty();
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            problems.add(new KbProblem(file, 1, "front matter not closed: no second '---' line"));
            return Optional.empty();
        }
        Map<String, Object> meta;
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close)));
            if (!(parsed instanceof Map<?, ?> map)) {
                problems.add(new KbProblem(file, 2, "front matter is not a set of 'key: value' lines"));
                return Optional.empty();
            }
            meta = new LinkedHashMap<>();
            map.forEach((k, v) -> meta.put(String.valueOf(k), v));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 2 : e.getProblemMark().getLine() + 2;
            problems.add(new KbProblem(file, line, "bad front matter: " + e.getProblem()));
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(new KbProblem(file, 2, "bad front matter: " + e.getMessage()));
            return Optional.empty();
        }

        String id = scalar(meta.get("id"));
        String title = scalar(meta.get("title"));
        String domain = scalar(meta.get("domain"));
        List<String> missing = new ArrayList<>();
        if (id == null) missing.add("id");
        if (title == null) missing.add("title");
        if (domain == null) missing.add("domain");
        if (!missing.isEmpty()) {
            problems.add(new KbProblem(file, 1, "front matter lacks " + String.join(", ", missing)));
            return Optional.empty();
        }
        if (!ID.matcher(id).matches()) {
            problems.add(new KbProblem(file, lineOf(text, "id:"),
                    "bad id '" + id + "': use letters, digits, '.', '_', ':' or '-' (no spaces, no '#')"));
            return Optional.empty();
        }

        List<GuideSection> sections = new ArrayList<>();
        String heading = null;
        int headingLine = 0;
        StringBuilder body = new StringBuilder();
        for (int i = close + 1; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : null;
            if (line == null || line.startsWith("## ")) {
                if (heading != null) {
                    String content = body.toString().strip();
                    if (content.isEmpty()) {
                        problems.add(new KbProblem(file, headingLine, "section '" + heading + "' is empty"));
                    } else {
                        sections.add(new GuideSection(heading, content));
                    }
                }
                if (line != null) {
                    heading = line.substring(3).strip();
                    headingLine = i + 1;
                    body.setLength(0);
                    if (heading.isEmpty()) {
                        problems.add(new KbProblem(file, headingLine, "section heading is empty"));
                        heading = null;
                    }
                }
            } else if (heading != null) {
                body.append(line).append('\n');
            } else if (!line.isBlank() && !line.startsWith("# ")) {
                problems.add(new KbProblem(file, i + 1, "text before the first '## ' section"));
                return Optional.empty();
            }
        }
        if (sections.isEmpty()) {
            problems.add(new KbProblem(file, close + 2, "no '## ' sections with content"));
            return Optional.empty();
        }
        return Optional.of(new Guide(id, title, domain, scalar(meta.get("department")), scalar(meta.get("audience")),
                list(meta.get("channels")), scalar(meta.get("updated")), scalar(meta.get("url")), sections));
    }

    private static String scalar(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            // YAML reads 2026-09-15 as a timestamp; keep what the maintainer wrote
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date.toInstant().atZone(ZoneOffset.UTC));
        }
        String s = String.valueOf(value).strip();
        return s.isEmpty() ? null : s;
    }

    private static List<String> list(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(KnowledgeBaseLoader::scalar).filter(s -> s != null).toList();
        }
        String single = scalar(value);
        return single == null ? List.of() : List.of(single);
    }

    private static int lineOf(String text, String prefix) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i + 1;
            }
        }
        return 1;
    }

    // ---- FAQs ----

    private Optional<Faq> parseFaq(String line, int lineNo, Map<String, Guide> guides, List<KbProblem> problems) {
        String trimmed = line.replace("\uFEFF", "").strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(trimmed);
        } catch (JacksonException e) {
            problems.add(new KbProblem(KbSource.FAQ_FILE, lineNo, "broken JSON: " + e.getOriginalMessage()));
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            problems.add(new KbProblem(KbSource.FAQ_FILE, lineNo, "expected a JSON object"));
            return Optional.empty();
        }
        String id = text(node, "id");
        if (id == null) {
            problems.add(new KbProblem(KbSource.FAQ_FILE, lineNo, "FAQ without an id"));
            return Optional.empty();
        }
        if (!ID.matcher(id).matches()) {
            problems.add(new KbProblem(KbSource.FAQ_FILE, lineNo,
                    "bad id '" + id + "': use letters, digits, '.', '_', ':' or '-' (no spaces, no '#')"));
            return Optional.empty();
        }
        String question = text(node, "question");
        if (question == null) {
            problems.add(new KbProblem(KbSource.FAQ_FILE, lineNo, "FAQ " + id + " has an empty question"));
            return Optional.empty();
        }
        String answer = text(node, "answer");
        if (answer == null) {
            problems.add(new KbProblem(KbSource.FAQ_FILE, lineNo, "FAQ " + id + " has an empty answer"));
            return Optional.empty();
        }
        String guideId = text(node, "guide");
        Guide guide = guideId == null ? null : guides.get(guideId);
        if (guideId != null && guide == null) {
            problems.add(new KbProblem(KbSource.FAQ_FILE, lineNo,
                    "FAQ " + id + " points to guide '" + guideId + "', which does not exist"));
            return Optional.empty();
        }
        String domain = text(node, "domain");
        if (domain == null) {
            domain = guide != null ? guide.domain() : "";
        }
        List<String> similar = new ArrayList<>();
        JsonNode sim = node.get("similar");
        if (sim != null && sim.isArray()) {
            for (JsonNode s : sim) {
                if (s.isString() && !s.asString().isBlank()) {
                    similar.add(s.asString().strip());
                }
            }
        } else if (sim != null && !sim.isNull()) {
            problems.add(new KbProblem(KbSource.FAQ_FILE, lineNo, "FAQ " + id + ": 'similar' must be a list"));
            return Optional.empty();
        }
        return Optional.of(new Faq(id, domain, question, similar, answer, guideId));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String s = value.isString() ? value.asString() : value.toString();
        s = s.strip();
        return s.isEmpty() ? null : s;
    }
}
