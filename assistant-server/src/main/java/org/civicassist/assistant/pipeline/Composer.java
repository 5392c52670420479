package org.civicassist.assistant.pipeline;

import org.civicassist.assistant.reply.Citation;
import org.civicassist.assistant.reply.HandoffReason;
import org.civicassist.assistant.reply.Option;
import org.civicassist.assistant.reply.RefusalReason;
import org.civicassist.assistant.reply.Reply;
import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.GuideSection;
import org.civicassist.kb.model.KnowledgeBase;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;
import org.civicassist.kb.rank.Candidate;
import org.civicassist.nlp.intent.Signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The compose stage: words a {@link Decision} as a {@link Reply}. Extractive: answers are the knowledge base's own
 * text, headed by the service title and followed by where to read the whole guide, in short plain sentences.
 */
public final class Composer {

    static final String PERSONAL_DATA_NOTICE = "温馨提示：为保护您的隐私，请不要在对话中发送身份证号、手机号、银行卡号等个人信息。";
    static final String HOTLINE = "12345 政务服务便民热线";
    private static final int MAX_SUGGESTIONS = 3;

    /** The choices offered in a clarify reply, each with the KB item it stands for. */
    public record Options(List<Option> items) {
        public Options {
            items = List.copyOf(items);
        }

        public List<String> labels() {
            return items.stream().map(Option::text).toList();
        }

        /** What the dialogue state remembers: a label sent back answers with the item of that key. */
        public Map<String, String> keyByLabel() {
            Map<String, String> out = new LinkedHashMap<>();
            items.forEach(o -> out.put(o.text(), o.key()));
            return out;
        }
    }

    /** Where a guide can be read in full: its own url, else the page this server renders for it. */
    public static String guideLink(Guide g) {
        return g.url() != null ? g.url() : GUIDE_PAGES + java.net.URLEncoder.encode(g.id(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Path of the guide pages the server renders (relative: a client resolves it against the server it talks to). */
    public static final String GUIDE_PAGES = "/guides/";

    public Reply answer(KnowledgeBase kb, Candidate candidate, double confidence) {
        Passage p = candidate.passage();
        Optional<Guide> guide = Optional.ofNullable(p.guideId()).flatMap(kb::guide);
        StringBuilder text = new StringBuilder();
        text.append("【").append(p.title());
        if (p.section() != null) {
            text.append(" · ").append(p.section());
        }
        text.append("】\n");
        String body = p.kind() == PassageKind.FAQ ? p.text() : sectionText(kb, p);
        text.append(body);
        guide.flatMap(Composer::onlinePath).filter(path -> !body.contains("→"))
                .ifPresent(path -> text.append("\n网上办理：").append(path));
        guide.ifPresent(g -> text.append("\n\n完整办事指南：").append(g.title()));
        List<Citation> citations = new ArrayList<>();
        citations.add(new Citation(p.itemId(), p.kind() == PassageKind.FAQ ? p.questions().get(0) : p.title(),
                p.section(), guide.map(Composer::guideLink).orElse(p.url())));
        guide.filter(g -> p.kind() == PassageKind.FAQ)
                .ifPresent(g -> citations.add(new Citation(g.id(), g.title(), null, guideLink(g))));
        return new Reply.Answer(text.toString(), citations, confidence, relatedQuestions(kb, p));
    }

    /**
     * The guide's online route, written in the guides as a menu path ("江州办 App → 社保 → 社保卡挂失"): the first such
     * line of its process section (or of any section), so an answer says where to do it online.
     */
    static Optional<String> onlinePath(Guide g) {
        List<GuideSection> ordered = new ArrayList<>(g.sections());
        ordered.sort(java.util.Comparator.comparing(s -> !s.heading().contains("流程")));
        for (GuideSection section : ordered) {
            for (String line : section.body().split("\n")) {
                int arrow = line.indexOf('→');
                if (arrow < 0) {
                    continue;
                }
                String path = line.replaceFirst("^\\s*(?:[-*•]|\\d+[.、）)])\\s*", "").strip();
                int label = path.lastIndexOf('：', path.indexOf('→'));
                if (label >= 0) {
                    path = path.substring(label + 1); // "正式挂失：江州办 App → …" → the path itself
                }
                int stop = indexOfAny(path, "，。；,;（(", path.lastIndexOf('→'));
                path = (stop > 0 ? path.substring(0, stop) : path).strip();
                if (path.length() <= MAX_PATH) {
                    return Optional.of(path);
                }
            }
        }
        return Optional.empty();
    }

    private static final int MAX_PATH = 60;

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = Math.max(0, from); i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    public Options options(KnowledgeBase kb, List<Candidate> candidates) {
        Map<String, Option> byLabel = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            Passage p = c.passage();
            String label = p.kind() == PassageKind.FAQ ? p.questions().get(0) : p.title() + "：" + p.section();
            byLabel.putIfAbsent(label, new Option(p.itemId(), p.section(),
                    p.kind() == PassageKind.FAQ ? p.questions().get(0) : p.title(), label));
        }
        return new Options(List.copyOf(byLabel.values()));
    }

    public Reply clarify(Options options, double confidence) {
        List<String> suggestions = new ArrayList<>(options.labels());
        suggestions.add(ASK_FOR_A_PERSON);
        return new Reply.Clarify("您想问的是下面哪一项？请点选，或换个说法再问一次。", confidence, suggestions,
                options.items());
    }

    /** The elements of a service a citizen is offered to tap on a service card, in the order guides write them. */
    static final List<String> CARD_ELEMENTS = List.of("申请材料", "办理流程", "办理时限", "收费标准", "办理地点与时间",
            "办理条件");
    private static final int CARD_SUMMARY_CHARS = 160;
    /** What a citizen sends to reach a person: the HUMAN_REQUEST signal's own words. */
    static final String ASK_FOR_A_PERSON = "转人工";

    /**
     * A service card: the answer to a bare service name (结婚登记, 护照). The guide's introduction in a few lines, the
     * online route, and the guide's elements as options to tap; it cites the guide's introduction.
     */
    public Reply serviceCard(KnowledgeBase kb, Guide guide, double confidence) {
        StringBuilder text = new StringBuilder("【").append(guide.title()).append("】\n");
        GuideSection intro = guide.sections().isEmpty() ? null : guide.sections().get(0);
        if (intro != null) {
            text.append(summary(intro.body()));
        }
        onlinePath(guide).ifPresent(path -> text.append("\n网上办理：").append(path));
        List<Option> options = new ArrayList<>();
        for (String element : CARD_ELEMENTS) {
            guide.section(element).ifPresent(sec -> options.add(new Option(guide.id(), sec.heading(), guide.title(),
                    element)));
        }
        if (!options.isEmpty()) {
            text.append("\n\n想了解哪一项？请点选下面的内容，或直接问我。");
        }
        text.append("\n\n完整办事指南：").append(guide.title());
        Citation cite = new Citation(guide.id(), guide.title(), intro == null ? null : intro.heading(),
                guideLink(guide));
        return new Reply.Answer(text.toString(), List.of(cite), confidence,
                options.stream().map(Option::text).toList(), options);
    }

    /** The first paragraph of a section, cut at a sentence end near {@link #CARD_SUMMARY_CHARS}. */
    static String summary(String body) {
        String first = body.strip().split("\n\\s*\n", 2)[0].strip();
        if (first.length() <= CARD_SUMMARY_CHARS) {
            return first;
        }
        int cut = first.lastIndexOf('。', CARD_SUMMARY_CHARS);
        return cut > 0 ? first.substring(0, cut + 1) : first.substring(0, CARD_SUMMARY_CHARS) + "……";
    }

    /**
     * Nothing in the knowledge base answers the question surely: say so, offer the nearest items (if any), how to
     * ask again, where else to go, and a person as an action the citizen can take.
     */
    public Reply notFound(Options nearest, double confidence, Decision.Beyond why) {
        String text = switch (why) {
            case OTHER_CITY -> "抱歉，我只能解答本市的办事问题，其他城市的规定请咨询当地的 12345 政务服务便民热线或主管部门。"
                    + "如果您问的是本市的事项，可以换个说法再问，或点“" + ASK_FOR_A_PERSON + "”。";
            case OWN_RECORD -> "抱歉，我看不到您本人的办理记录、账户和证件信息，没法替您查询或计算。本人的办理进度、余额和记录，"
                    + "可以登录本市政务服务网站或 App 查询，或带身份证到办理窗口、拨打 " + HOTLINE + " 咨询。"
                    + (nearest.items().isEmpty() ? "" : "下面的办事说明也许有用：");
            case NOTHING_SURE -> nearest.items().isEmpty()
                    ? "抱歉，知识库里没有找到这个问题的答案。您可以换个说法再问，比如说出要办的事项名称；"
                    + "也可以点“" + ASK_FOR_A_PERSON + "”，或拨打 " + HOTLINE + "。"
                    : "抱歉，没有找到完全对应的答案。您想问的是下面哪一项吗？如果都不是，可以换个说法再问，"
                    + "点“" + ASK_FOR_A_PERSON + "”，或拨打 " + HOTLINE + "。";
        };
        List<String> suggestions = new ArrayList<>(nearest.labels());
        suggestions.add(ASK_FOR_A_PERSON);
        return new Reply.Clarify(text, confidence, suggestions, nearest.items());
    }

    /** A message that only tells the citizen's situation: acknowledged and kept as the context of what follows. */
    public Reply acknowledgeSituation() {
        return new Reply.Clarify("好的，我记下了您的情况。请问您想办理或咨询什么事项？", 1.0, List.of());
    }

    public Reply askForQuestion(KnowledgeBase kb) {
        return new Reply.Clarify("请问您想办理或咨询什么事项？可以直接说，比如“社保卡丢了怎么补办”。", 0, popularQuestions(kb));
    }

    public Reply smallTalk(KnowledgeBase kb, Signal kind) {
        return switch (kind) {
            case THANKS -> new Reply.Clarify("不客气！还有其他问题可以随时问我。", 1.0, List.of());
            case GOODBYE -> new Reply.Clarify("感谢您的咨询，再见！如有需要欢迎随时再来。", 1.0, List.of());
            default -> new Reply.Clarify("您好！我是政务服务智能助手，可以为您解答办事问题。请问有什么可以帮您？", 1.0,
                    popularQuestions(kb));
        };
    }

    public Reply handoff(HandoffReason reason, double confidence) {
        String text = switch (reason) {
            case EMERGENCY -> "如遇紧急情况，请立即拨打：火警 119、急救 120、报警 110。我们也已通知工作人员。";
            case COMPLAINT -> "很抱歉给您带来不便。已为您转接人工服务，工作人员会尽快处理您反映的问题。";
            case URGENT_HELP -> "您的情况我们已经了解，正在为您转接工作人员，请稍候。";
            case REQUESTED -> "好的，正在为您转接人工服务，请稍候。";
            case LOW_CONFIDENCE, UNRESOLVED, NEGATIVE_FEEDBACK ->
                    "这个问题我暂时无法准确回答，已为您转接人工服务，请稍候。您也可以拨打 " + HOTLINE + "。";
        };
        return new Reply.Handoff(text, reason, confidence, List.of());
    }

    public Reply decline(RefusalReason reason) {
        String text = switch (reason) {
            case ABUSIVE -> "请文明用语，我们会尽力帮您解决问题。如需帮助，也可拨打 " + HOTLINE + "。";
            case EMPTY -> "没有收到您的问题，请输入您想咨询的事项。";
        };
        return new Reply.Refuse(text, reason, List.of());
    }

    /** The text with the reminder not to send personal data before it. */
    public String withPersonalDataNotice(String text) {
        return PERSONAL_DATA_NOTICE + "\n" + text;
    }

    /** Prepends the reminder not to send personal data. */
    public Reply withPersonalDataNotice(Reply reply) {
        String text = withPersonalDataNotice(reply.text());
        if (reply instanceof Reply.Answer a) {
            return new Reply.Answer(text, a.citations(), a.confidence(), a.suggestions(), a.options());
        }
        if (reply instanceof Reply.Clarify c) {
            return new Reply.Clarify(text, c.confidence(), c.suggestions(), c.options());
        }
        if (reply instanceof Reply.Handoff h) {
            return new Reply.Handoff(text, h.reason(), h.confidence(), h.suggestions());
        }
        Reply.Refuse r = (Reply.Refuse) reply;
        return new Reply.Refuse(text, r.reason(), r.suggestions());
    }

    /** The whole section rather than one chunk, so that an answer never stops mid-list. */
    private static String sectionText(KnowledgeBase kb, Passage p) {
        return kb.guide(p.guideId()).flatMap(g -> g.section(p.section())).map(s -> s.body()).orElse(p.text());
    }

    private static List<String> relatedQuestions(KnowledgeBase kb, Passage p) {
        if (p.guideId() == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (Faq faq : kb.faqsOfGuide(p.guideId())) {
            if (!faq.id().equals(p.itemId())) {
                out.add(faq.question());
            }
            if (out.size() == MAX_SUGGESTIONS) {
                break;
            }
        }
        return List.copyOf(out);
    }

    private static List<String> popularQuestions(KnowledgeBase kb) {
        Set<String> domains = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (Faq faq : kb.faqs()) {
            if (domains.add(faq.domain())) {
                out.add(faq.question());
            }
            if (out.size() == MAX_SUGGESTIONS) {
                break;
            }
        }
        return out;
    }
}
