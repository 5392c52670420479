package org.civicassist.assistant.config;

import org.civicassist.assistant.chat.ChatService;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.conversation.InMemoryConversationStore;
import org.civicassist.assistant.pipeline.Assistant;
import org.civicassist.assistant.pipeline.Composer;
import org.civicassist.assistant.pipeline.FollowUpResolver;
import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.civicassist.kb.search.KnowledgeSearchBuilder;
import org.civicassist.nlp.ChineseNlp;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Optional;

/** Wires the plain-Java pipeline (nlp → knowledge base → assistant) into the application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssistantProperties.class)
public class AssistantConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ChineseNlp chineseNlp() {
        return ChineseNlp.bundled();
    }

    @Bean(destroyMethod = "close")
    KnowledgeBaseService knowledgeBaseService(AssistantProperties properties, ChineseNlp nlp, Clock clock) {
        AssistantProperties.Kb kb = properties.kb();
        KbSource source = kb.path() == null ? KbSource.bundled() : KbSource.directory(kb.path());
        KnowledgeSearchBuilder builder = new KnowledgeSearchBuilder(nlp, new BgeSmallZhEmbedder(),
                Optional.ofNullable(kb.store()));
        return new KnowledgeBaseService(source, kb.strict() ? LoadMode.STRICT : LoadMode.LENIENT, builder, clock)
                .start();
    }

    @Bean
    Assistant assistant(ChineseNlp nlp, KnowledgeBaseService knowledge) {
        return new Assistant(nlp.understander(), knowledge, new FollowUpResolver(), new Composer());
    }

    @Bean
    @ConditionalOnMissingBean(ConversationStore.class)
    InMemoryConversationStore inMemoryConversationStore(AssistantProperties properties, Clock clock) {
        return new InMemoryConversationStore(properties.chat().conversationTtl(), clock);
    }

    @Bean
    ChatService chatService(ConversationStore store, Assistant assistant, Clock clock,
                            AssistantProperties properties) {
        return new ChatService(store, assistant, clock, properties.chat().maxMessageLength());
    }
}
