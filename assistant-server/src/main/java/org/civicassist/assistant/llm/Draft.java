package org.civicassist.assistant.llm;

import org.civicassist.assistant.reply.Citation;
import org.civicassist.assistant.reply.Pieces;
import org.civicassist.assistant.reply.Reply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A written answer as it arrives, sentence by sentence. A sentence is shown only once its facts were found in the
 * retrieved passages; the final line must cite passages by number (or key). {@link #finish} accepts the whole only
 * if it cites passage 1 and nothing that was not retrieved, and every fact is in the passages it cites. Anything
 * else — an unparseable reply, a fact from nowhere, a repeated system prompt — rejects the draft, and the caller
 * falls back to the extractive answer.
 */
final class Draft {

    /** Why a draft was not accepted; never shown to the citizen. */
    static final class Rejected extends RuntimeException {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Pattern CITATION_LINE = Pattern.compile("^\\s*(?:引用|来源|参考资料|参考)\\s*[:：]\\s*(.*?)\\s*$");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[,，、;；\\s]+");
    private static final Pattern INLINE_MARK = Pattern.compile("\\[(\\d{1,2})]|【(\\d{1,2})】|\\[资料\\s?\\d{1,2}]");
    /** Longer than any answer we would show: the model is rambling or repeating data. */
    static final int MAX_CHARS = 1500;

    private final List<Source> sources;
    private final List<String> allSourceTexts;
    private final Consumer<String> shown;
    private final Pieces splitter = new Pieces();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder heldWhitespace = new StringBuilder();
    private String citationLine;
    /** Reasoning models served without a separate channel open with {@code <think>…</think>}: never shown. */
    private final StringBuilder reasoning = new StringBuilder();
    private Boolean inReasoning;
    private static final String THINK = "<think>";
    private static final String THINK_END = "</think>";

    Draft(List<Source> sources, Consumer<String> shown) {
        this.sources = List.copyOf(sources);
        this.allSourceTexts = sources.stream().map(Source::factText).toList();
        this.shown = shown;
    }

    /** A token from the model. */
    void accept(String token) {
        String visible = withoutReasoning(token);
        for (String sentence : splitter.add(visible)) {
            take(sentence);
        }
    }

    /** The token less any leading reasoning block; held back while it cannot yet be told. */
    private String withoutReasoning(String token) {
        if (Boolean.FALSE.equals(inReasoning)) {
            return token;
        }
        reasoning.append(token);
        String held = reasoning.toString();
        if (inReasoning == null) {
            String head = held.stripLeading();
            if (head.length() < THINK.length() && THINK.startsWith(head)) {
                return "";
            }
            inReasoning = head.startsWith(THINK);
            if (!inReasoning) {
                reasoning.setLength(0);
                return held;
            }
        }
        int end = held.indexOf(THINK_END);
        if (end < 0) {
            return "";
        }
        inReasoning = false;
        reasoning.setLength(0);
        return held.substring(end + THINK_END.length());
    }

    /** The model is done: the answer with its citations, or a {@link Rejected}. */
    Reply.Answer finish(Reply.Answer extractive) {
        take(splitter.rest());
        String body = text.toString();
        if (body.isBlank()) {
            throw new Rejected("no answer text");
        }
        if (citationLine == null) {
            throw new Rejected("no citation line");
        }
        List<Source> cited = cited(citationLine);
        if (cited.stream().noneMatch(s -> s.number() == 1)) {
            throw new Rejected("does not cite passage 1, the chosen item");
        }
        // the reason is logged: count the facts, never quote them (a model may echo a citizen's ID or phone number)
        List<String> unsupported = FactChecker.unsupported(body, cited.stream().map(Source::factText).toList());
        if (!unsupported.isEmpty()) {
            throw new Rejected("facts not in the cited passages: " + unsupported.size());
        }
        return new Reply.Answer(body, citations(extractive, cited), extractive.confidence(), extractive.suggestions());
    }

    private void take(String sentence) {
        if (sentence.isEmpty()) {
            return;
        }
        if (citationLine != null) {
            if (!sentence.isBlank()) {
                throw new Rejected("text after the citation line");
            }
            return;
        }
        if (CITATION_LINE.matcher(sentence).matches()) {
            citationLine = sentence;
            return;
        }
        String clean = INLINE_MARK.matcher(sentence).replaceAll("");
        if (clean.isBlank()) {
            // a line break between sentences is shown with the next sentence, and never at either end
            if (!text.isEmpty()) {
                heldWhitespace.append(clean);
            }
            return;
        }
        check(clean);
        String piece = heldWhitespace + clean;
        heldWhitespace.setLength(0);
        text.append(piece);
        shown.accept(piece);
    }

    private void check(String sentence) {
        if (sentence.strip().equals(Prompts.CANNOT_ANSWER)) {
            throw new Rejected("the model found no answer in the passages");
        }
        if (text.length() + sentence.length() > MAX_CHARS) {
            throw new Rejected("too long");
        }
        if (Prompts.echoesRules(sentence)) {
            throw new Rejected("repeats the system prompt");
        }
        List<String> unsupported = FactChecker.unsupported(sentence, allSourceTexts);
        if (!unsupported.isEmpty()) {
            throw new Rejected("facts not in any passage: " + unsupported.size());
        }
    }

    private List<Source> cited(String line) {
        Matcher m = CITATION_LINE.matcher(line);
        if (!m.matches()) {
            throw new Rejected("unparseable citation line");
        }
        Map<String, Source> byKey = new LinkedHashMap<>();
        sources.forEach(s -> byKey.put(s.key(), s));
        Set<Source> out = new LinkedHashSet<>();
        String items = m.group(1).replaceAll("[\\[\\]【】()（）]", " ").replaceAll("资料(?:编号)?\\s*(?=\\d)", " ");
        for (String raw : ITEM_SEPARATOR.split(items.strip())) {
            String item = raw.replaceAll("[。.]+$", "");
            if (item.isEmpty()) {
                continue;
            }
            Source s = item.matches("\\d{1,3}") ? numbered(Integer.parseInt(item)) : byKey.get(item);
            if (s == null) {
                throw new Rejected("cites a passage that was not retrieved: " + item);
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            throw new Rejected("cites nothing");
        }
        return List.copyOf(out);
    }

    private Source numbered(int n) {
        return n >= 1 && n <= sources.size() ? sources.get(n - 1) : null;
    }

    /** The chosen item first (as the extractive answer cites it), then what else the model used, then the rest. */
    private static List<Citation> citations(Reply.Answer extractive, List<Source> cited) {
        Map<String, Citation> out = new LinkedHashMap<>();
        out.put(extractive.citations().get(0).key(), extractive.citations().get(0));
        cited.forEach(s -> out.putIfAbsent(s.citation().key(), s.citation()));
        extractive.citations().forEach(c -> out.putIfAbsent(c.key(), c));
        return new ArrayList<>(out.values());
    }

    /** Whether any text was shown (the caller cannot retry once it was). */
    boolean anyShown() {
        return !text.isEmpty();
    }
}
