package org.civicassist.assistant.pipeline;

import org.civicassist.assistant.reply.Reply;

/** The outcome of one citizen message: the reply, the next dialogue state, and how the reply came about. */
public record Turn(Reply reply, DialogueState next, TurnTrace trace) {
}
