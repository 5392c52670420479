package org.civicassist.assistant.analytics;

import org.civicassist.assistant.chat.ChatService;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.conversation.InMemoryConversationStore;
import org.civicassist.assistant.feedback.FeedbackDtos.FeedbackRequest;
import org.civicassist.assistant.feedback.FeedbackService;
import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.assistant.testing.TinyAssistant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches analytics from real turns of the assistant over the tiny KB: masked text only. */
class AnalyticsRecorderTest {

    static AssistantAssembly assembly;

    @BeforeAll
    static void assemble() {
        assembly = TinyAssistant.assemble();
    }

    @AfterAll
    static void close() {
        assembly.close();
    }

    private final Clock clock = Clock.systemUTC();
    private final InMemoryAnalyticsStore analytics = new InMemoryAnalyticsStore(Duration.ofDays(7), ZoneOffset.UTC,
            100, clock);
    private final ConversationStore conversations = new InMemoryConversationStore(Duration.ofHours(1), clock);

    private List<QuestionRecord> questions() {
        LocalDate today = LocalDate.now(clock);
        return analytics.questions(today.minusDays(1), today).collectList().block();
    }

    @Test
    void records_each_question_masked__never_the_raw_text() {
        AnalyticsRecorder recorder = new AnalyticsRecorder(analytics, assembly.nlp().understander());
        ChatService chat = new ChatService(conversations, assembly.assistant(), clock,
                new ChatService.Limits(500, 100), List.of(recorder));
        ChatService.Opened opened = chat.open(null, null).block();
        String id = opened.conversation().id();

        chat.send(id, opened.token(), "社保卡丢了怎么补办，我电话13812345678").block();
        ChatService.Opened other = chat.open(null, null).block();
        chat.send(other.conversation().id(), other.token(), "？？").block();

        List<QuestionRecord> recorded = questions();
        assertThat(recorded).hasSize(2);
        QuestionRecord first = recorded.get(0);
        assertThat(first.question()).doesNotContain("13812345678").contains("***********");
        assertThat(first.conversationId()).isEqualTo(id);
        assertThat(first.messageId()).isEqualTo("000002");
        assertThat(first.domain()).as("the domain of the best candidate").contains("社保");
        assertThat(first.itemKey()).isPresent();
        assertThat(recorded.get(1).outcome()).as("a prompt for the question is not a question")
                .isEqualTo(Outcome.SMALL_TALK);
        assertThat(recorded.toString()).doesNotContain("13812345678");
    }

    @Test
    void records_feedback_with_its_text_masked() {
        AnalyticsRecorder recorder = new AnalyticsRecorder(analytics, assembly.nlp().understander());
        ChatService chat = new ChatService(conversations, assembly.assistant(), clock,
                new ChatService.Limits(500, 100), List.of(recorder));
        FeedbackService feedback = new FeedbackService(chat, conversations, clock, 200, List.of(recorder));
        ChatService.Opened opened = chat.open(null, null).block();
        String id = opened.conversation().id();
        chat.send(id, opened.token(), "办护照要多久").block();

        feedback.submit(id, opened.token(), new FeedbackRequest("000002", false, "打 13912345678 也没人接", null,
                null)).block();
        feedback.submit(id, opened.token(), new FeedbackRequest(null, null, null, 1.0,
                "身份证 11010119900307457X 的事没解决")).block();

        LocalDate today = LocalDate.now(clock);
        List<FeedbackRecord> recorded = analytics.feedback(today.minusDays(1), today).collectList().block();
        assertThat(recorded).hasSize(2);
        assertThat(recorded.get(0).notUseful()).isTrue();
        assertThat(recorded.get(0).messageId()).contains("000002");
        assertThat(recorded.get(1).rating()).contains(1);
        assertThat(recorded.toString()).doesNotContain("13912345678", "11010119900307457X");
        // the conversation itself keeps what the citizen wrote, like its transcript
        assertThat(conversations.find(id).block().feedback().get(0).reason()).contains("打 13912345678 也没人接");
    }
}
