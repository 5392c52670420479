package org.civicassist.kb.search;

import org.civicassist.nlp.intent.Aspect;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A question to search for.
 *
 * @param text           the understood question (normalised, canonical terms)
 * @param aspect         the aspect asked about, if any
 * @param topicServiceId the service the conversation is about, if any
 * @param limit          how many ranked candidates to return
 * @param places         place names the question mentions
 * @param excluded       citation keys that are not candidates (e.g. the item just answered, for a follow-up)
 * @param askedPlaces    those of the places whose own rules the question asks about (上海的低保标准)
 * @param message        the citizen's message as understood, when {@code text} also holds the conversation's context
 *                       (a follow-up read against its service): the ranker also weighs how close each item is to the
 *                       message alone, which says what is asked of the service
 */
public record SearchRequest(String text, Optional<Aspect> aspect, Optional<String> topicServiceId, int limit,
                            Set<String> places, Set<String> excluded, Set<String> askedPlaces,
                            Optional<String> message) {

    public static final int DEFAULT_LIMIT = 10;

    public SearchRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(topicServiceId, "topicServiceId");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        places = Set.copyOf(places);
        excluded = Set.copyOf(excluded);
        askedPlaces = Set.copyOf(askedPlaces);
        Objects.requireNonNull(message, "message");
        message = message.filter(m -> !m.isBlank() && !m.equals(text));
    }

    public SearchRequest(String text, Optional<Aspect> aspect, Optional<String> topicServiceId, int limit,
                         Set<String> places, Set<String> excluded, Set<String> askedPlaces) {
        this(text, aspect, topicServiceId, limit, places, excluded, askedPlaces, Optional.empty());
    }

    public SearchRequest(String text, Optional<Aspect> aspect, Optional<String> topicServiceId, int limit,
                         Set<String> places, Set<String> excluded) {
        this(text, aspect, topicServiceId, limit, places, excluded, Set.of());
    }

    public SearchRequest(String text, Optional<Aspect> aspect, Optional<String> topicServiceId, int limit,
                         Set<String> places) {
        this(text, aspect, topicServiceId, limit, places, Set.of());
    }

    public SearchRequest(String text, Optional<Aspect> aspect, Optional<String> topicServiceId, int limit) {
        this(text, aspect, topicServiceId, limit, Set.of());
    }

    public static SearchRequest of(String text) {
        return new SearchRequest(text, Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }
}
