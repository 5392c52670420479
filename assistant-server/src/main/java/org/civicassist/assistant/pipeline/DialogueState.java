package org.civicassist.assistant.pipeline;

import java.util.Map;
import java.util.Optional;

/**
 * What the assistant remembers between turns of one conversation. Immutable; each turn returns the next state.
 *
 * @param topicServiceId   the service (guide) the conversation is about, if any
 * @param topicTitle       that service's title
 * @param lastQuestion     the last question searched for (understood text), the context of a follow-up
 * @param unresolvedStreak turns in a row that ended without an answer
 * @param offeredOptions   the suggestions of the last clarify reply (or service card), each with the citation key it
 *                         stands for, so that choosing one answers it
 * @param lastAnswer       the citation key of the item the last answer came from: a follow-up asks something else
 * @param situation        what the citizen told of their situation in messages that asked nothing (我在外地上班
 *                         社保一直在江州交): it holds for the whole conversation, whatever service it turns to
 */
public record DialogueState(Optional<String> topicServiceId, Optional<String> topicTitle,
                            Optional<String> lastQuestion, int unresolvedStreak, Map<String, String> offeredOptions,
                            Optional<String> lastAnswer, Optional<String> situation) {

    public DialogueState {
        offeredOptions = Map.copyOf(offeredOptions);
        situation = situation.filter(t -> !t.isBlank());
    }

    /** Without a situation told. */
    public DialogueState(Optional<String> topicServiceId, Optional<String> topicTitle, Optional<String> lastQuestion,
                         int unresolvedStreak, Map<String, String> offeredOptions, Optional<String> lastAnswer) {
        this(topicServiceId, topicTitle, lastQuestion, unresolvedStreak, offeredOptions, lastAnswer,
                Optional.empty());
    }

    /** Without a last answer. */
    public DialogueState(Optional<String> topicServiceId, Optional<String> topicTitle, Optional<String> lastQuestion,
                         int unresolvedStreak, Map<String, String> offeredOptions) {
        this(topicServiceId, topicTitle, lastQuestion, unresolvedStreak, offeredOptions, Optional.empty());
    }

    public static DialogueState initial() {
        return new DialogueState(Optional.empty(), Optional.empty(), Optional.empty(), 0, Map.of());
    }

    /** Context longer than this adds noise, not meaning: keep the most recent part. */
    static final int MAX_CONTEXT_CHARS = 120;

    DialogueState asked(String question) {
        String kept = question.length() <= MAX_CONTEXT_CHARS ? question
                : question.substring(question.length() - MAX_CONTEXT_CHARS);
        return new DialogueState(topicServiceId, topicTitle, Optional.of(kept), unresolvedStreak, offeredOptions,
                lastAnswer, situation);
    }

    /** Answered with the item of {@code answerKey}, of the given service. */
    DialogueState answered(String serviceId, String title, String answerKey) {
        return new DialogueState(Optional.of(serviceId), Optional.of(title), lastQuestion, 0, Map.of(),
                Optional.of(answerKey), situation);
    }

    /** A turn that ended without an answer or options (e.g. handed over to a person who did not take it). */
    DialogueState unresolved() {
        return new DialogueState(topicServiceId, topicTitle, lastQuestion, unresolvedStreak + 1, Map.of(),
                lastAnswer, situation);
    }

    /** Options offered; when they all concern one service, that service becomes the (tentative) topic. */
    DialogueState offering(Map<String, String> options, Optional<String> serviceId, Optional<String> title) {
        return serviceId.isPresent()
                ? new DialogueState(serviceId, title, lastQuestion, unresolvedStreak + 1, options, lastAnswer,
                situation)
                : new DialogueState(topicServiceId, topicTitle, lastQuestion, unresolvedStreak + 1, options,
                lastAnswer, situation);
    }

    /**
     * The service became the conversation's without an answer (the citizen requested it, and which one is sure): its
     * items offered; nothing answered, no attempt failed.
     */
    DialogueState settledOn(String serviceId, String title, Map<String, String> options) {
        return new DialogueState(Optional.of(serviceId), Optional.of(title), lastQuestion, unresolvedStreak, options,
                Optional.empty(), situation);
    }

    /** After an answer that offers options of its own (a service card's elements): choosing one answers it. */
    DialogueState offeringAlong(Map<String, String> options) {
        return new DialogueState(topicServiceId, topicTitle, lastQuestion, unresolvedStreak, options, lastAnswer,
                situation);
    }

    DialogueState withoutLastAnswer() {
        return new DialogueState(topicServiceId, topicTitle, lastQuestion, unresolvedStreak, offeredOptions,
                Optional.empty(), situation);
    }

    /** The same with this many unresolved turns in a row. */
    DialogueState withUnresolvedStreak(int streak) {
        return new DialogueState(topicServiceId, topicTitle, lastQuestion, streak, offeredOptions, lastAnswer,
                situation);
    }

    /** The citizen told more of their situation; the most recent part is kept when it grows long. */
    DialogueState told(String more) {
        String all = situation.map(t -> t + ' ' + more).orElse(more);
        String kept = all.length() <= MAX_CONTEXT_CHARS ? all : all.substring(all.length() - MAX_CONTEXT_CHARS);
        return new DialogueState(topicServiceId, topicTitle, lastQuestion, unresolvedStreak, offeredOptions,
                lastAnswer, Optional.of(kept));
    }

    DialogueState handedOff() {
        return new DialogueState(topicServiceId, topicTitle, lastQuestion, 0, Map.of(), lastAnswer, situation);
    }
}
