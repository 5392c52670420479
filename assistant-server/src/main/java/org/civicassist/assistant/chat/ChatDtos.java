package org.civicassist.assistant.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.TranscriptEntry;
import org.civicassist.assistant.reply.Citation;
import org.civicassist.assistant.reply.Option;
import org.civicassist.assistant.reply.Reply;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of the citizen chat API (see API.md). */
public final class ChatDtos {

    private ChatDtos() {
    }

    public record CreateConversationRequest(String channel, String locale) {
    }

    public record CreatedConversation(String id, String token) {
    }

    public record MessageRequest(String text) {
    }

    public record CitationView(String id, String title, String section, String url) {
        static CitationView of(Citation c) {
            return new CitationView(c.id(), c.title(), c.section(), c.url());
        }
    }

    /** A suggestion with the KB item it stands for (API.md: clarify {@code options}; also a service card's). */
    public record OptionView(String id, String section, String title, String text) {
        static OptionView of(Option o) {
            return new OptionView(o.id(), o.section(), o.title(), o.text());
        }
    }

    /** {@code options}: present when the reply offers KB items to choose from (clarify, service card). */
    public record ReplyView(String type, String text, List<CitationView> citations, double confidence,
                            List<String> suggestions,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<OptionView> options) {
        public static ReplyView of(Reply r) {
            return new ReplyView(r.type().wireName(), r.text(), r.citations().stream().map(CitationView::of).toList(),
                    Math.round(r.confidence() * 1000) / 1000.0, r.suggestions(),
                    r.options().stream().map(OptionView::of).toList());
        }
    }

    public record MessageResponse(ReplyView reply) {
    }

    /** {@code staff_name}: who wrote a staff message (absent otherwise). */
    public record EntryView(String id, String author, String text, Instant at, ReplyView reply,
                            @JsonProperty("staff_name") @JsonInclude(JsonInclude.Include.NON_NULL) String staffName) {
        static EntryView of(TranscriptEntry e) {
            return new EntryView(e.id(), e.author().wireName(), e.text(), e.at(),
                    e.reply().map(ReplyView::of).orElse(null), e.staffName().orElse(null));
        }
    }

    public record ConversationView(String id, String state, Instant createdAt, List<EntryView> messages) {
        public static ConversationView of(Conversation c) {
            return new ConversationView(c.id(), c.status().wireName(), c.createdAt(),
                    c.transcript().stream().map(EntryView::of).toList());
        }
    }

    /**
     * The last event of a streamed reply ({@code event: reply}): the whole reply, and whether it {@code replaced}
     * the text streamed before it (a written answer that failed its checks midway gives way to the extractive one:
     * the client shows this reply's text instead of the {@code delta}s it received).
     */
    public record StreamedReplyView(String type, String text, List<CitationView> citations, double confidence,
                                    List<String> suggestions, boolean replaced,
                                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<OptionView> options) {
        public static StreamedReplyView of(Reply r, boolean replaced) {
            ReplyView v = ReplyView.of(r);
            return new StreamedReplyView(v.type(), v.text(), v.citations(), v.confidence(), v.suggestions(), replaced,
                    v.options());
        }
    }
}
