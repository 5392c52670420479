package org.civicassist.assistant.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flood limits of the citizen API ({@code assistant.limits.*}). Message length is {@code assistant.chat.
 * max-message-length}.
 *
 * @param messagesPerMinutePerConversation citizen messages one conversation may send per minute (a person types
 *                                         far fewer; a script more)
 * @param requestsPerMinutePerClient       citizen API calls (opening conversations, messages, feedback, handoff) one
 *                                         client address may make per minute; a whole office behind one address
 *                                         shares it, hence generous
 * @param maxEventStreams                  server-sent event streams (citizens' and staff's) this instance keeps open
 * @param maxEventStreamsPerClient         of those, how many one client address may hold
 * @param trustForwardedFor                take the client address from the first {@code X-Forwarded-For} entry: only
 *                                         behind a proxy that sets it, otherwise anyone could pick their address
 */
@ConfigurationProperties("assistant.limits")
public record RateLimitProperties(@DefaultValue("20") int messagesPerMinutePerConversation,
                                  @DefaultValue("120") int requestsPerMinutePerClient,
                                  @DefaultValue("2000") int maxEventStreams,
                                  @DefaultValue("10") int maxEventStreamsPerClient,
                                  @DefaultValue("false") boolean trustForwardedFor) {

    public RateLimitProperties {
        if (messagesPerMinutePerConversation < 1 || requestsPerMinutePerClient < 1 || maxEventStreams < 1
                || maxEventStreamsPerClient < 1) {
            throw new IllegalArgumentException("assistant.limits.* must be positive");
        }
    }
}
