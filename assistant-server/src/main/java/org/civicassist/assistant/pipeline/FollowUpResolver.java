package org.civicassist.assistant.pipeline;

import org.civicassist.nlp.Understanding;

import java.util.Optional;

/**
 * Part of the understand stage: reads a message that lacks a topic (那要多久 / 在哪办 / 要带啥 / 网上能办吗) as a
 * question about what the conversation is about — its current service and the question asked before: any message
 * without a government-service term of its own is read in that context. A message that names a service of its own
 * (公积金, 护照 …) is searched as it stands, so a new topic replaces the old one.
 */
public final class FollowUpResolver {

    /** What to search for, and whether it was read as a follow-up. */
    public record Resolution(String text, Optional<String> topicServiceId, boolean followUp) {
    }

    public Resolution resolve(Understanding u, DialogueState state) {
        String text = u.retrievalText();
        boolean hasContext = state.topicServiceId().isPresent() || state.lastQuestion().isPresent();
        if (!hasContext || !u.domainTerms().isEmpty()) {
            return new Resolution(text, Optional.empty(), false);
        }
        StringBuilder context = new StringBuilder();
        state.topicTitle().ifPresent(t -> context.append(t).append(' '));
        state.lastQuestion().ifPresent(q -> context.append(q).append(' '));
        return new Resolution(context + text, state.topicServiceId(), true);
    }
}
