package org.civicassist.assistant.chat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.civicassist.assistant.config.SecurityConfiguration;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.conversation.InMemoryConversationStore;
import org.civicassist.assistant.feedback.FeedbackService;
import org.civicassist.assistant.metrics.AssistantMetrics;
import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.assistant.security.InMemoryStaffSessions;
import org.civicassist.assistant.security.StaffSessions;
import org.civicassist.assistant.testing.TinyAssistant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What the chat and feedback controllers need in a WebFlux slice: the real services over the tiny KB, and the real
 * security rules (citizen endpoints open, staff endpoints guarded).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class ChatSliceConfiguration {

    @Bean
    StaffSessions staffSessions() {
        return new InMemoryStaffSessions(Duration.ofHours(1), Duration.ofMinutes(1), Clock.systemUTC());
    }

    public static final int MAX_MESSAGE_LENGTH = 50;
    public static final int MAX_FEEDBACK_LENGTH = 20;
    public static final int MAX_ENTRIES = 8;

    @Bean(destroyMethod = "close")
    AssistantAssembly tinyAssembly() {
        return TinyAssistant.assemble();
    }

    @Bean
    ConversationStore conversationStore() {
        return new InMemoryConversationStore(Duration.ofHours(1), Clock.systemUTC());
    }

    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    AssistantMetrics assistantMetrics(SimpleMeterRegistry registry) {
        return new AssistantMetrics(registry);
    }

    @Bean
    ChatService chatService(ConversationStore store, AssistantAssembly assembly, AssistantMetrics metrics) {
        return new ChatService(store, assembly.assistant(), Clock.systemUTC(),
                new ChatService.Limits(MAX_MESSAGE_LENGTH, MAX_ENTRIES), List.of(metrics));
    }

    @Bean
    FeedbackService feedbackService(ChatService chat, ConversationStore store, AssistantMetrics metrics) {
        return new FeedbackService(chat, store, Clock.systemUTC(), MAX_FEEDBACK_LENGTH, List.of(metrics));
    }
}
