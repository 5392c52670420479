package org.civicassist.eval.respond;

/**
 * A citizen choosing an option of a clarify reply: the option, sent as the next message of the same conversation,
 * and the reply to it. What resolution within one click judges.
 */
public record Click(Outcome.Option option, Outcome reply) {
}
