package org.civicassist.assistant.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.civicassist.assistant.admin.AdminApiKeyFilter;
import org.civicassist.assistant.analytics.AnalyticsController.AnalyticsSettings;
import org.civicassist.assistant.analytics.AnalyticsRecorder;
import org.civicassist.assistant.analytics.AnalyticsReporter;
import org.civicassist.assistant.analytics.AnalyticsStore;
import org.civicassist.assistant.analytics.GapClusterer;
import org.civicassist.assistant.chat.ChatService;
import org.civicassist.assistant.chat.HandoffDesk;
import org.civicassist.assistant.chat.TurnListener;
import org.civicassist.assistant.conversation.ConversationMaintenance;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.conversation.Sweepable;
import org.civicassist.assistant.privacy.RetentionPolicy;
import org.civicassist.assistant.feedback.FeedbackListener;
import org.civicassist.assistant.feedback.FeedbackService;
import org.civicassist.assistant.llm.LlmHooks;
import org.civicassist.assistant.metrics.AssistantMetrics;
import org.civicassist.assistant.pipeline.Assistant;
import org.civicassist.assistant.pipeline.AssistantAssembly;
import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.search.AnswerCache;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.civicassist.nlp.ChineseNlp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Wires the plain-Java pipeline (nlp → knowledge base → assistant) and the services around it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AssistantProperties.class, RetentionPolicy.class})
@EnableScheduling
public class AssistantConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The embedding model, shared by retrieval and the grouping of knowledge gaps. */
    @Bean
    Embedder embedder(AssistantProperties properties) {
        return new BgeSmallZhEmbedder(properties.kb().weights());
    }

    /**
     * Search results, each kept for its whole request ({@code assistant.kb.answer-cache-size}, 0 disables it), and as
     * many texts' retrievals; hits and misses are {@code cache_gets_total{cache="answers"|"retrievals",
     * result="hit"|"miss"}} on {@code /actuator/prometheus}.
     */
    @Bean
    AnswerCache answerCache(AssistantProperties properties, MeterRegistry registry) {
        AnswerCache cache = AnswerCache.ofSize(properties.kb().answerCacheSize());
        cache.caffeine().ifPresent(c -> CaffeineCacheMetrics.monitor(registry, c, "answers"));
        cache.retrievalCaffeine().ifPresent(c -> CaffeineCacheMetrics.monitor(registry, c, "retrievals"));
        return cache;
    }

    @Bean(destroyMethod = "close")
    AssistantAssembly assistantAssembly(AssistantProperties properties, Embedder embedder, Clock clock, LlmHooks llm,
                                        AnswerCache answers) {
        AssistantProperties.Kb kb = properties.kb();
        KbSource source = kb.path() == null ? KbSource.bundled() : KbSource.directory(kb.path());
        return AssistantAssembly.create(source, kb.strict() ? LoadMode.STRICT : LoadMode.LENIENT,
                Optional.ofNullable(kb.store()), embedder, clock, llm.rewriter(), llm.writer(), answers);
    }

    @Bean
    ChineseNlp chineseNlp(AssistantAssembly assembly) {
        return assembly.nlp();
    }

    /** Readiness waits for it (see management.endpoint.health.group.readiness in application.yml). */
    @Bean
    org.civicassist.assistant.health.KnowledgeBaseHealthIndicator knowledgeBaseHealthIndicator(
            KnowledgeBaseService knowledge) {
        return new org.civicassist.assistant.health.KnowledgeBaseHealthIndicator(knowledge);
    }

    @Bean
    KnowledgeBaseService knowledgeBaseService(AssistantAssembly assembly) {
        return assembly.knowledge();
    }

    /** Rebuilds the index in the background when files of a KB directory change (not for the bundled KB). */
    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
            "'${assistant.kb.path:}' != '' and ${assistant.kb.watch:true}")
    org.civicassist.kb.search.KnowledgeBaseWatcher knowledgeBaseWatcher(KnowledgeBaseService knowledge) {
        return org.civicassist.kb.search.KnowledgeBaseWatcher.start(knowledge);
    }

    @Bean
    Assistant assistant(AssistantAssembly assembly) {
        return assembly.assistant();
    }

    @Bean
    AssistantMetrics assistantMetrics(MeterRegistry registry) {
        return new AssistantMetrics(registry);
    }

    @Bean
    AnalyticsRecorder analyticsRecorder(AnalyticsStore store, ChineseNlp nlp) {
        return new AnalyticsRecorder(store, nlp.understander());
    }

    @Bean
    ChatService chatService(ConversationStore store, Assistant assistant, Clock clock,
                            AssistantProperties properties, List<TurnListener> listeners,
                            ObjectProvider<HandoffDesk> desk) {
        AssistantProperties.Chat chat = properties.chat();
        return new ChatService(store, assistant, clock,
                new ChatService.Limits(chat.maxMessageLength(), chat.maxEntries()), listeners,
                desk.getIfAvailable(() -> HandoffDesk.NONE));
    }

    @Bean
    FeedbackService feedbackService(ChatService chat, ConversationStore store, Clock clock,
                                    AssistantProperties properties, List<FeedbackListener> listeners) {
        return new FeedbackService(chat, store, clock, properties.feedback().maxTextLength(), listeners);
    }

    @Bean
    ConversationMaintenance conversationMaintenance(ConversationStore store, AssistantMetrics metrics,
                                                    List<Sweepable> inMemory) {
        return new ConversationMaintenance(store, metrics::conversationCounts, inMemory);
    }

    @Bean
    AnalyticsReporter analyticsReporter(AnalyticsStore store, Embedder embedder, AssistantProperties properties,
                                        Clock clock) {
        AssistantProperties.Analytics a = properties.analytics();
        return new AnalyticsReporter(store, new GapClusterer(embedder, a.gapSimilarity()), a.zoneId(), clock,
                a.maxGapQuestions());
    }

    @Bean
    AnalyticsSettings analyticsSettings(RetentionPolicy retention) {
        return new AnalyticsSettings(retention.analyticsDays());
    }

    @Bean
    AdminApiKeyFilter adminApiKeyFilter(AssistantProperties properties) {
        return new AdminApiKeyFilter(properties.admin().key());
    }
}
