package org.civicassist.assistant.pipeline;

import java.util.Optional;

/**
 * Part of step 4 of {@link Assistant}, after {@link FollowUpResolver}: restates a message that depends on the
 * conversation ("那要多久?") as a question that stands on its own, for retrieval. Optional: {@link #NONE} keeps the
 * resolver's reading, and so does any implementation that returns empty (no answer, a failure, a time-out).
 */
@FunctionalInterface
public interface QuestionRewriter {

    /** Rewrites nothing. */
    QuestionRewriter NONE = (message, context) -> Optional.empty();

    /**
     * @param message the citizen's message with personal data masked (the only form that may leave the process)
     * @param context the conversation so far: its topic and the last question searched for
     * @return the message as a standalone question, or empty to keep the resolver's reading
     */
    Optional<String> rewrite(String message, DialogueState context);
}
