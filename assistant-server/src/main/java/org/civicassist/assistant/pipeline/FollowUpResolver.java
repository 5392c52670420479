package org.civicassist.assistant.pipeline;

import org.civicassist.nlp.Understanding;

import java.util.List;
import java.util.Optional;

/**
 * Part of the understand stage: reads a message that lacks a topic (那要多久 / 在哪办 / 要带啥 / 网上能办吗) as a
 * question about what the conversation is about — its current service and the question asked before. A message that
 * names a service of its own (it contains a government-service term, 公积金, 护照 …) is searched as it stands, so a
 * new topic replaces the old one.
 */
public final class FollowUpResolver {

    /** Words that open a follow-up. */
    private static final List<String> MARKERS = List.of("那", "那么", "还有", "另外", "再问", "这个", "那个", "它", "这");
    /** A message this short that asks about an aspect rarely names a service. */
    static final int SHORT_MESSAGE = 16;

    /** What to search for, and whether it was read as a follow-up. */
    public record Resolution(String text, Optional<String> topicServiceId, boolean followUp) {
    }

    public Resolution resolve(Understanding u, DialogueState state) {
        String text = u.retrievalText();
        boolean hasContext = state.topicServiceId().isPresent() || state.lastQuestion().isPresent();
        if (!hasContext || !u.domainTerms().isEmpty()) {
            return new Resolution(text, Optional.empty(), false);
        }
        boolean marked = MARKERS.stream().anyMatch(text::startsWith);
        boolean shortAspectQuestion = u.aspect().isPresent() && text.length() <= SHORT_MESSAGE;
        if (!marked && !shortAspectQuestion) {
            return new Resolution(text, Optional.empty(), false);
        }
        StringBuilder context = new StringBuilder();
        state.topicTitle().ifPresent(t -> context.append(t).append(' '));
        state.lastQuestion().ifPresent(q -> context.append(q).append(' '));
        return new Resolution(context + text, state.topicServiceId(), true);
    }
}
