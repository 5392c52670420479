package org.civicassist.eval.score;

import org.civicassist.eval.question.Question;
import org.civicassist.eval.respond.Click;
import org.civicassist.eval.respond.Outcome;

/**
 * One question judged by the rules of ../shared/eval/README.md.
 *
 * @param resolved      an answerable question answered with a first citation that matches an expected item
 * @param handled       out of scope: not answered (or answered with an accepted citation); human: handed off;
 *                      answerable: resolved
 * @param wrongAnswer   a reply of type answer that neither resolves the question nor cites an accepted item
 * @param firstMatchRank 1-based rank of the first expected item in the retrieval ranking, 0 if absent or unknown
 * @param domain        the domain the question is counted under
 * @param click         the option chosen after a clarify reply and the reply to it, or null when none was offered
 * @param resolvedWithinOneClick resolved, or resolved by {@code click}
 */
public record QuestionResult(Question question, Outcome outcome, boolean resolved, boolean handled,
                             boolean wrongAnswer, int firstMatchRank, String domain, Click click,
                             boolean resolvedWithinOneClick) {
}
