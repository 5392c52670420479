package org.civicassist.assistant.analytics;

import org.civicassist.assistant.conversation.Sweepable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded default: records by day in memory, days past the retention dropped, at most {@code maxPerDay}
 * records of each kind a day (so a flood cannot exhaust memory). Lost on restart.
 */
public final class InMemoryAnalyticsStore implements AnalyticsStore, Sweepable {

    private static final Logger log = LoggerFactory.getLogger(InMemoryAnalyticsStore.class);

    private final Days<QuestionRecord> questions;
    private final Days<FeedbackRecord> feedback;

    public InMemoryAnalyticsStore(Duration retention, ZoneId zone, int maxPerDay, Clock clock) {
        this(retention, retention, zone, maxPerDay, clock);
    }

    /** Questions kept for {@code retention}, feedback for {@code feedbackRetention}. */
    public InMemoryAnalyticsStore(Duration retention, Duration feedbackRetention, ZoneId zone, int maxPerDay,
                                  Clock clock) {
        this.questions = new Days<>(retention, zone, maxPerDay, clock);
        this.feedback = new Days<>(feedbackRetention, zone, maxPerDay, clock);
    }

    @Override
    public Mono<Long> rewrite(String conversationId, LocalDate from, LocalDate to,
                              java.util.function.UnaryOperator<QuestionRecord> changeQuestion,
                              java.util.function.UnaryOperator<FeedbackRecord> changeFeedback) {
        return Mono.fromSupplier(() -> questions.replace(from, to, q -> q.conversationId().equals(conversationId),
                changeQuestion) + feedback.replace(from, to, f -> f.conversationId().equals(conversationId),
                changeFeedback));
    }

    @Override
    public int sweep() {
        return questions.dropExpired() + feedback.dropExpired();
    }

    @Override
    public Mono<Void> add(QuestionRecord record) {
        return Mono.fromRunnable(() -> questions.add(record.at(), record));
    }

    @Override
    public Mono<Void> add(FeedbackRecord record) {
        return Mono.fromRunnable(() -> feedback.add(record.at(), record));
    }

    @Override
    public Flux<QuestionRecord> questions(LocalDate from, LocalDate to) {
        return Flux.defer(() -> Flux.fromIterable(questions.between(from, to)));
    }

    @Override
    public Flux<FeedbackRecord> feedback(LocalDate from, LocalDate to) {
        return Flux.defer(() -> Flux.fromIterable(feedback.between(from, to)));
    }

    private static final class Days<T> {
        private final ConcurrentNavigableMap<LocalDate, Day<T>> days = new ConcurrentSkipListMap<>();
        private final Duration retention;
        private final ZoneId zone;
        private final int maxPerDay;
        private final Clock clock;

        Days(Duration retention, ZoneId zone, int maxPerDay, Clock clock) {
            this.retention = retention;
            this.zone = zone;
            this.maxPerDay = maxPerDay;
            this.clock = clock;
        }

        void add(Instant at, T record) {
            LocalDate day = LocalDate.ofInstant(at, zone);
            dropExpired();
            Day<T> d = days.computeIfAbsent(day, k -> new Day<>());
            if (d.size.incrementAndGet() > maxPerDay) {
                d.size.decrementAndGet();
                if (!d.warned) {
                    d.warned = true;
                    log.warn("analytics: more than {} records on {}; further ones are not kept", maxPerDay, day);
                }
                return;
            }
            d.records.add(record);
        }

        int dropExpired() {
            var old = days.headMap(LocalDate.ofInstant(clock.instant().minus(retention), zone));
            int n = old.values().stream().mapToInt(d -> d.size.get()).sum();
            old.clear();
            return n;
        }

        long replace(LocalDate from, LocalDate to, java.util.function.Predicate<T> which,
                     java.util.function.UnaryOperator<T> by) {
            long n = 0;
            for (Day<T> d : days.subMap(from, true, to, true).values()) {
                synchronized (d.records) {
                    for (var it = d.records.listIterator(); it.hasNext(); ) {
                        T r = it.next();
                        if (which.test(r)) {
                            T next = by.apply(r);
                            if (!next.equals(r)) {
                                it.set(next);
                                n++;
                            }
                        }
                    }
                }
            }
            return n;
        }

        List<T> between(LocalDate from, LocalDate to) {
            List<T> out = new java.util.ArrayList<>();
            for (Day<T> d : days.subMap(from, true, to, true).values()) {
                synchronized (d.records) {
                    out.addAll(d.records);
                }
            }
            return out;
        }
    }

    private static final class Day<T> {
        final List<T> records = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        final AtomicInteger size = new AtomicInteger();
        volatile boolean warned;
    }
}
