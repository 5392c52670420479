package org.civicassist.assistant.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings under {@code assistant.*}.
 *
 * @param kb   the knowledge base to serve
 * @param chat limits of the citizen chat
 */
@ConfigurationProperties("assistant")
public record AssistantProperties(@DefaultValue Kb kb, @DefaultValue Chat chat) {

    /**
     * @param path   a KB directory in the shared format; empty means the demo KB bundled in the jar
     * @param store  where vectors and the index are kept between restarts; empty keeps everything in memory
     * @param strict fail a load on any bad entry instead of skipping it with a warning
     * @param watch  rebuild when files under {@code path} change
     */
    public record Kb(Path path, @DefaultValue("data/index") Path store, @DefaultValue("false") boolean strict,
                     @DefaultValue("true") boolean watch) {
    }

    /**
     * @param maxMessageLength longest citizen message accepted, in characters (longer: 413)
     * @param conversationTtl  how long an idle conversation is kept
     */
    public record Chat(@DefaultValue("1000") int maxMessageLength,
                       @DefaultValue("24h") Duration conversationTtl) {
    }
}
