package org.civicassist.assistant.openai;

import org.civicassist.assistant.pipeline.Assistant;
import org.civicassist.assistant.pipeline.DialogueState;
import org.civicassist.assistant.reply.Citation;
import org.civicassist.assistant.reply.HandoffReason;
import org.civicassist.assistant.reply.Reply;
import org.civicassist.assistant.web.ApiException;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers an OpenAI chat request with the assistant. The request carries the whole conversation (the API is
 * stateless): the earlier user messages are replayed through the extractive answer path to rebuild the dialogue
 * state (topic, last question, offered options), then the last user message is answered by the full path, with the
 * language model when one is configured. System messages and earlier assistant messages are ignored: a client
 * cannot change the assistant's rules, and what the assistant said is re-derived, not trusted.
 */
final class ChatCompletions {

    /** What a request asks. */
    record Exchange(List<String> earlier, String question, boolean stream) {
    }

    /** The reply, and the text an OpenAI client shows for it. */
    record Answered(Reply reply, String content) {
    }

    private final Assistant assistant;
    private final int maxMessageLength;
    private final int maxHistory;

    ChatCompletions(Assistant assistant, int maxMessageLength, int maxHistory) {
        this.assistant = assistant;
        this.maxMessageLength = maxMessageLength;
        this.maxHistory = maxHistory;
    }

    /** The exchange of a request body, or a 400 / 413 saying what is wrong with it. */
    Exchange parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad("请求体必须是 JSON 对象。", "The request body must be a JSON object.");
        }
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw bad("messages 不能为空。", "messages must be a non-empty array.");
        }
        List<String> userTexts = new ArrayList<>();
        String lastRole = null;
        for (JsonNode m : messages) {
            if (!m.isObject() || !m.path("role").isString()) {
                throw bad("每条消息都需要 role。", "Every message needs a role.");
            }
            lastRole = m.get("role").asString();
            if (lastRole.equals("user")) {
                userTexts.add(text(m.get("content")));
            }
        }
        if (!"user".equals(lastRole)) {
            throw bad("最后一条消息必须是用户（user）的提问。", "The last message must be the user's (role user).");
        }
        String question = userTexts.get(userTexts.size() - 1);
        if (question.isBlank()) {
            throw bad("消息内容不能为空。", "The message text must not be empty.");
        }
        for (String t : userTexts) {
            if (t.codePointCount(0, t.length()) > maxMessageLength) {
                throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "message-too-long",
                        "消息太长了，请精简到 " + maxMessageLength + " 个字以内。",
                        "A message is longer than " + maxMessageLength + " characters.");
            }
        }
        List<String> earlier = userTexts.subList(Math.max(0, userTexts.size() - 1 - maxHistory),
                userTexts.size() - 1).stream().filter(t -> !t.isBlank()).toList();
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw bad("stream 必须是 true 或 false。", "stream must be true or false.");
        }
        return new Exchange(earlier, question, stream != null && stream.asBoolean(false));
    }

    /** Blocking: runs the pipeline (and the language model). */
    Answered answer(Exchange exchange) {
        Assistant replay = assistant.extractive();
        DialogueState state = DialogueState.initial();
        for (String earlier : exchange.earlier()) {
            state = replay.respond(state, earlier).next();
        }
        // a streamed request gets the model's stream (and its first-token time limit); nothing is sent before the
        // whole reply is checked, since an OpenAI client cannot take back what it showed
        Reply reply = exchange.stream()
                ? assistant.respond(state, exchange.question(), piece -> {
                }).reply()
                : assistant.respond(state, exchange.question()).reply();
        Reply told = withoutPromisedStaff(reply);
        return new Answered(told, content(told));
    }

    /** No person follows up on this API: a hand-off says where to get help instead of promising a transfer. */
    static Reply withoutPromisedStaff(Reply reply) {
        if (!(reply instanceof Reply.Handoff h)) {
            return reply;
        }
        String text = h.reason() == HandoffReason.EMERGENCY
                ? "如遇紧急情况，请立即拨打：火警 119、急救 120、报警 110。"
                : "这个问题需要工作人员处理。请在政务服务网站的在线咨询中转人工，或拨打 12345 政务服务便民热线。";
        return new Reply.Handoff(text, h.reason(), h.confidence(), h.suggestions());
    }

    /** The reply as one message: its text, the options it offers, the sources it cites. */
    static String content(Reply reply) {
        StringBuilder out = new StringBuilder(reply.text());
        if (!reply.suggestions().isEmpty() && !(reply instanceof Reply.Answer)) {
            out.append("\n");
            reply.suggestions().forEach(s -> out.append("\n· ").append(s));
        }
        if (!reply.citations().isEmpty()) {
            out.append("\n\n来源：");
            for (Citation c : reply.citations()) {
                out.append("\n· ").append(c.title());
                if (c.section() != null) {
                    out.append(" · ").append(c.section());
                }
                if (c.url() != null) {
                    out.append("（").append(c.url()).append("）");
                }
            }
        }
        return out.toString();
    }

    private static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isString()) {
            return content.asString();
        }
        if (content.isArray()) {
            StringBuilder out = new StringBuilder();
            for (JsonNode part : content) {
                if ("text".equals(part.path("type").asString("")) && part.path("text").isString()) {
                    out.append(part.get("text").asString());
                }
            }
            return out.toString();
        }
        throw bad("content 必须是文本或文本片段数组。", "content must be a string or an array of text parts.");
    }

    private static ApiException bad(String zh, String en) {
        return ApiException.badInput(zh, en);
    }
}
