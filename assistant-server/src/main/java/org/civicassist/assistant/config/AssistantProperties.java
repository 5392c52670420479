package org.civicassist.assistant.config;

import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Settings under {@code assistant.*}.
 *
 * @param kb        the knowledge base to serve
 * @param chat      limits of the citizen chat
 * @param feedback  limits of citizen feedback
 * @param analytics what maintainers' analytics keep
 * @param admin     the admin API
 * @param redis     how Redis is used when {@code spring.data.redis.url} is set
 */
@ConfigurationProperties("assistant")
public record AssistantProperties(@DefaultValue Kb kb, @DefaultValue Chat chat, @DefaultValue Feedback feedback,
                                  @DefaultValue Analytics analytics, @DefaultValue Admin admin,
                                  @DefaultValue Redis redis) {

    /**
     * @param path   a KB directory in the shared format; empty means the demo KB bundled in the jar
     * @param store  where vectors and the index are kept between restarts; empty keeps everything in memory
     * @param strict fail a load on any bad entry instead of skipping it with a warning
     * @param watch  rebuild when files under {@code path} change
     * @param answerCacheSize how many search results are kept, each for its request (text, and for a question read
     *                        in context its topic and exclusions), so that a repeated question skips embedding and
     *                        ranking (about 9 KB each), and as many texts' retrievals, so that a known text read in a
     *                        new context skips embedding and retrieval (about 15 KB each); 0 disables both
     * @param embeddingWeights which weights of bge-small-zh-v1.5 embed texts and questions: {@code int8} or
     *                         {@code float32}; empty means {@link BgeSmallZhEmbedder#DEFAULT_WEIGHTS}. Each keeps
     *                         its own stored vectors
     */
    public record Kb(Path path, @DefaultValue("data/index") Path store, @DefaultValue("false") boolean strict,
                     @DefaultValue("true") boolean watch, @DefaultValue("2000") int answerCacheSize,
                     BgeSmallZhEmbedder.Weights embeddingWeights) {

        public BgeSmallZhEmbedder.Weights weights() {
            return embeddingWeights == null ? BgeSmallZhEmbedder.DEFAULT_WEIGHTS : embeddingWeights;
        }
    }

    /**
     * @param maxMessageLength    longest citizen message accepted, in characters (longer: 413)
     * @param maxEntries          most messages (citizen, assistant and staff together) one conversation may hold; a
     *                            citizen message beyond is refused with 409 {@code conversation-full}
     * @param maintenanceInterval how often what is kept in memory past its retention is dropped and the conversation
     *                            gauges refreshed (how long conversations are kept: {@code assistant.retention.*},
     *                            {@link org.civicassist.assistant.privacy.RetentionPolicy})
     */
    public record Chat(@DefaultValue("1000") int maxMessageLength,
                       @DefaultValue("400") int maxEntries,
                       @DefaultValue("30s") Duration maintenanceInterval) {
    }

    /** @param maxTextLength longest {@code reason} or {@code comment} accepted, in characters (longer: 413) */
    public record Feedback(@DefaultValue("500") int maxTextLength) {
    }

    /**
     * @param zone             time zone of the report's days
     * @param gapSimilarity    cosine similarity at which two unanswered questions count as the same knowledge gap
     *                         (bge-small-zh: paraphrases score about 0.6-0.8, unrelated questions 0.25-0.4)
     * @param maxGapQuestions  at most this many distinct questions (the most frequent) are grouped into gaps
     * @param maxRecordsPerDay in-memory store only: records of each kind kept per day at most
     */
    public record Analytics(@DefaultValue("Asia/Shanghai") String zone,
                            @DefaultValue("0.6") double gapSimilarity,
                            @DefaultValue("500") int maxGapQuestions,
                            @DefaultValue("50000") int maxRecordsPerDay) {

        public Analytics {
            ZoneId.of(zone); // fail at startup on a misspelt zone
        }

        public ZoneId zoneId() {
            return ZoneId.of(zone);
        }
    }

    /** @param apiKey the key admin requests send in {@code X-Admin-Key}; none disables the admin API */
    public record Admin(String apiKey) {

        public Optional<String> key() {
            return Optional.ofNullable(apiKey).filter(k -> !k.isBlank());
        }
    }

    /** @param keyPrefix prefix of every key the assistant writes, so that one Redis can serve several deployments */
    public record Redis(@DefaultValue("civic:") String keyPrefix) {
    }
}
