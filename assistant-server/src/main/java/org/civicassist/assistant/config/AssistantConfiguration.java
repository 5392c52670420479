package org.civicassist.assistant.config;

import org.civicassist.assistant.chat.ChatService;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.conversation.InMemoryConversationStore;
import org.civicassist.assistant.pipeline.Assistant;
import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.search.KnowledgeBaseService;
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

    @Bean(destroyMethod = "close")
    AssistantAssembly assistantAssembly(AssistantProperties properties, Clock clock) {
        AssistantProperties.Kb kb = properties.kb();
        KbSource source = kb.path() == null ? KbSource.bundled() : KbSource.directory(kb.path());
        return AssistantAssembly.create(source, kb.strict() ? LoadMode.STRICT : LoadMode.LENIENT,
                Optional.ofNullable(kb.store()), new BgeSmallZhEmbedder(), clock);
    }

    @Bean
    ChineseNlp chineseNlp(AssistantAssembly assembly) {
        return assembly.nlp();
    }

    @Bean
    KnowledgeBaseService knowledgeBaseService(AssistantAssembly assembly) {
        return assembly.knowledge();
    }

    @Bean
    Assistant assistant(AssistantAssembly assembly) {
        return assembly.assistant();
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
