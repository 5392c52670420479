package org.civicassist.assistant.pipeline;

import java.util.Map;
import java.util.Optional;

/**
 * What the assistant remembers between turns of one conversation. Immutable; each turn returns the next state.
 *
 * @param topicServiceId   the service (guide) the conversation is about, if any
 * @param topicTitle       that service's title
 * @param unresolvedStreak turns in a row that ended without an answer
 * @param offeredOptions   the suggestions of the last clarify reply, each with the citation key it stands for, so
 *                         that choosing one answers it
 */
public record DialogueState(Optional<String> topicServiceId, Optional<String> topicTitle, int unresolvedStreak,
                            Map<String, String> offeredOptions) {

    public DialogueState {
        offeredOptions = Map.copyOf(offeredOptions);
    }

    public static DialogueState initial() {
        return new DialogueState(Optional.empty(), Optional.empty(), 0, Map.of());
    }

    DialogueState withTopic(String serviceId, String title) {
        return new DialogueState(Optional.of(serviceId), Optional.of(title), 0, Map.of());
    }

    DialogueState unresolved() {
        return new DialogueState(topicServiceId, topicTitle, unresolvedStreak + 1, Map.of());
    }

    DialogueState offering(Map<String, String> options) {
        return new DialogueState(topicServiceId, topicTitle, unresolvedStreak + 1, options);
    }

    DialogueState handedOff() {
        return new DialogueState(topicServiceId, topicTitle, 0, Map.of());
    }
}
