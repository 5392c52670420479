package org.civicassist.assistant.teach;

import org.civicassist.assistant.conversation.StoreUnavailableException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.Comparator;
import java.util.List;

/**
 * Pending suggestions in the Redis hash {@code {prefix}teach:suggestions} (field: suggestion id, value: its JSON),
 * shared by every instance and kept across restarts. {@code HDEL} decides which of two concurrent decisions wins.
 */
public final class RedisSuggestionStore implements SuggestionStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReactiveStringRedisTemplate redis;
    private final String key;

    public RedisSuggestionStore(ReactiveStringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.key = keyPrefix + "teach:suggestions";
    }

    /** The Redis key of the hash. */
    public String key() {
        return key;
    }

    @Override
    public Mono<Void> add(Suggestion suggestion) {
        return Mono.fromCallable(() -> JSON.writeValueAsString(suggestion))
                .flatMap(json -> redis.<String, String>opsForHash().put(key, suggestion.id(), json))
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("suggestions", e))
                .then();
    }

    @Override
    public Mono<List<Suggestion>> pending() {
        return redis.<String, String>opsForHash().values(key)
                .map(RedisSuggestionStore::parse)
                .sort(Comparator.comparing(Suggestion::suggestedAt).thenComparing(Suggestion::id))
                .collectList()
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("suggestions", e));
    }

    @Override
    public Mono<Suggestion> find(String id) {
        return redis.<String, String>opsForHash().get(key, id)
                .map(RedisSuggestionStore::parse)
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("suggestions", e));
    }

    @Override
    public Mono<Boolean> remove(String id) {
        return redis.<String, String>opsForHash().remove(key, id)
                .map(n -> n > 0)
                .onErrorMap(StoreUnavailableException::isRedisFailure, e -> new StoreUnavailableException("suggestions", e));
    }

    private static Suggestion parse(String json) {
        return JSON.readValue(json, Suggestion.class);
    }
}
