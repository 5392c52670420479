package org.civicassist.assistant.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Calls to the chat model, each bounded in time, retried while nothing was shown, and behind one circuit breaker
 * shared by all calls: while the model keeps failing it is not called at all for a while. A call that cannot
 * complete fails with an exception; the caller answers without the model.
 */
final class ModelCalls {

    /** A stream that broke after its first token: not retried, as its beginning may already be shown. */
    static final class StreamBroken extends RuntimeException {
        StreamBroken(Throwable cause) {
            super("the stream broke after its first token", cause);
        }
    }

    private final ChatModel plain;
    private final StreamingChatModel streaming;
    private final Duration firstTokenTimeout;
    private final Duration totalTimeout;
    private final CircuitBreaker breaker;
    private final Retry retry;

    ModelCalls(ChatModel plain, StreamingChatModel streaming, LlmProperties settings) {
        this.plain = plain;
        this.streaming = streaming;
        this.firstTokenTimeout = settings.firstTokenTimeout();
        this.totalTimeout = settings.totalTimeout();
        LlmProperties.CircuitBreaker cb = settings.circuitBreaker();
        this.breaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                .failureRateThreshold(cb.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.slidingWindowSize())
                .minimumNumberOfCalls(cb.minimumCalls())
                .waitDurationInOpenState(cb.openDuration())
                .permittedNumberOfCallsInHalfOpenState(cb.halfOpenCalls())
                .build());
        this.retry = Retry.of("llm", RetryConfig.custom()
                .maxAttempts(settings.maxRetries() + 1)
                .waitDuration(settings.retryWait().isZero() ? Duration.ofMillis(1) : settings.retryWait())
                .retryOnException(ModelCalls::worthRetrying)
                .build());
    }

    /** The OpenAI-compatible server of the settings, through LangChain4j; its own retries are ours. */
    static ModelCalls openAiCompatible(LlmProperties settings) {
        String apiKey = settings.apiKey() == null || settings.apiKey().isBlank() ? "none" : settings.apiKey();
        ChatModel plain = OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(apiKey)
                .modelName(settings.model())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .timeout(settings.totalTimeout())
                .maxRetries(0)
                .build();
        StreamingChatModel streaming = OpenAiStreamingChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(apiKey)
                .modelName(settings.model())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .timeout(settings.totalTimeout())
                .build();
        return new ModelCalls(plain, streaming, settings);
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    /** The whole completion within {@code budget} (retries included), or empty if the model said nothing. */
    Optional<String> complete(List<ChatMessage> messages, Duration budget) {
        TimeLimiter limiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(budget).build());
        return Mono.defer(() -> {
                    AtomicBoolean abandoned = new AtomicBoolean();
                    return Mono.fromCallable(() -> call(messages, abandoned))
                            .subscribeOn(Schedulers.boundedElastic())
                            .doOnCancel(() -> abandoned.set(true));
                })
                .mapNotNull(response -> response.aiMessage() == null ? null : response.aiMessage().text())
                .transformDeferred(TimeLimiterOperator.of(limiter))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .transformDeferred(RetryOperator.of(retry))
                .timeout(budget)
                .blockOptional();
    }

    /** A blocking call; once abandoned (timed out), how it ends no longer matters to anyone. */
    private ChatResponse call(List<ChatMessage> messages, AtomicBoolean abandoned) {
        try {
            return plain.chat(ChatRequest.builder().messages(messages).build());
        } catch (RuntimeException e) {
            if (abandoned.get()) {
                return null;
            }
            throw e;
        }
    }

    /**
     * The completion's tokens as they arrive: the first within the first-token timeout, the last before the total
     * timeout (both counted from the first attempt). Errors on failure; cancelling stops the model's stream.
     */
    Flux<String> stream(List<ChatMessage> messages) {
        return Flux.defer(() -> {
            long deadline = System.nanoTime() + totalTimeout.toNanos();
            return Flux.defer(() -> attempt(messages, deadline))
                    .transformDeferred(CircuitBreakerOperator.of(breaker))
                    .transformDeferred(RetryOperator.of(retry));
        });
    }

    private Flux<String> attempt(List<ChatMessage> messages, long deadline) {
        AtomicBoolean started = new AtomicBoolean();
        Duration first = firstTokenTimeout.compareTo(remaining(deadline)) < 0 ? firstTokenTimeout
                : remaining(deadline);
        return tokens(messages)
                .timeout(Mono.delay(first), token -> Mono.delay(remaining(deadline)))
                .doOnNext(token -> started.set(true))
                .onErrorMap(e -> started.get() && !(e instanceof StreamBroken), StreamBroken::new);
    }

    private Flux<String> tokens(List<ChatMessage> messages) {
        return Flux.create(sink -> {
            AtomicReference<StreamingHandle> handle = new AtomicReference<>();
            sink.onDispose(() -> {
                StreamingHandle h = handle.get();
                if (h != null && !h.isCancelled()) {
                    h.cancel();
                }
            });
            streaming.chat(ChatRequest.builder().messages(messages).build(), new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    handle.set(context.streamingHandle());
                    if (partial.text() != null && !partial.text().isEmpty()) {
                        sink.next(partial.text());
                    }
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    sink.complete();
                }

                @Override
                public void onError(Throwable error) {
                    sink.error(error);
                }
            });
        });
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static boolean worthRetrying(Throwable e) {
        if (e instanceof StreamBroken || e instanceof CallNotPermittedException || e instanceof NonRetriableException) {
            return false;
        }
        // 4xx other than 408 and 429 will not change on a second try
        return !(e instanceof HttpException http && http.statusCode() >= 400 && http.statusCode() < 500
                && http.statusCode() != 408 && http.statusCode() != 429);
    }

    /** What a log line may say about a failure: its kind and HTTP status, never a body that could echo a prompt. */
    static String describe(Throwable e) {
        Throwable t = e;
        if (t instanceof StreamBroken && t.getCause() != null) {
            return "stream broke: " + describe(t.getCause());
        }
        String status = t instanceof HttpException http ? " (HTTP " + http.statusCode() + ")" : "";
        return t.getClass().getSimpleName() + status;
    }
}
