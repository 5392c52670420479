package org.civicassist.assistant.conversation;

import org.civicassist.assistant.reply.Citation;
import org.civicassist.assistant.reply.Reply;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Conversations for store tests. */
final class Conversations {

    private Conversations() {
    }

    static Conversation started(Instant now) {
        return Conversation.start(ConversationTokens.newId(), ConversationTokens.hash("token"), "web", "zh-CN", now);
    }

    /** Appends a citizen message and an answer to it. */
    static Conversation withExchange(Conversation c, String question, Instant at) {
        Conversation asked = c.append(new TranscriptEntry(c.nextEntryId(), Author.CITIZEN, question, at,
                Optional.empty()));
        Reply answer = new Reply.Answer("【社会保障卡补领】先挂失。", List.of(new Citation("faq-1", "社保卡丢了怎么补办？", null,
                null)), 0.9, List.of());
        return asked.append(new TranscriptEntry(asked.nextEntryId(), Author.ASSISTANT, answer.text(), at,
                Optional.of(answer)));
    }
}
