package org.civicassist.assistant.analytics;

import org.civicassist.assistant.analytics.AnalyticsReport.BadlyRated;
import org.civicassist.assistant.analytics.AnalyticsReport.DomainDay;
import org.civicassist.assistant.analytics.AnalyticsReport.KnowledgeGap;
import org.civicassist.assistant.analytics.AnalyticsReport.NotUseful;
import org.civicassist.assistant.analytics.AnalyticsReport.ReasonCount;
import org.civicassist.assistant.analytics.AnalyticsReport.TopQuestion;
import org.civicassist.assistant.analytics.AnalyticsReport.Totals;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Builds the maintainers' report from the stored records of the last days. */
public final class AnalyticsReporter {

    /** The domain of questions for which nothing was retrieved. */
    static final String NO_DOMAIN = "未分类";
    static final int TOP_QUESTIONS = 20;
    static final int EXAMPLES = 5;
    static final int LISTED = 50;

    private final AnalyticsStore store;
    private final GapClusterer clusterer;
    private final ZoneId zone;
    private final Clock clock;
    private final int maxGapQuestions;

    /** @param maxGapQuestions at most this many distinct questions (the most frequent) are grouped into gaps */
    public AnalyticsReporter(AnalyticsStore store, GapClusterer clusterer, ZoneId zone, Clock clock,
                             int maxGapQuestions) {
        this.store = store;
        this.clusterer = clusterer;
        this.zone = zone;
        this.clock = clock;
        this.maxGapQuestions = maxGapQuestions;
    }

    /** The report of the last {@code days} days, today included. */
    public Mono<AnalyticsReport> report(int days) {
        LocalDate to = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate from = to.minusDays(days - 1L);
        return Mono.zip(store.questions(from, to).collectList(), store.feedback(from, to).collectList())
                // clustering embeds text: CPU work, off the event loop
                .publishOn(Schedulers.boundedElastic())
                .map(t -> build(from, to, t.getT1(), t.getT2()));
    }

    private static boolean hasText(QuestionRecord q) {
        return !q.question().isBlank();
    }

    AnalyticsReport build(LocalDate from, LocalDate to, List<QuestionRecord> all, List<FeedbackRecord> feedback) {
        List<QuestionRecord> questions = all.stream().filter(q -> q.outcome() != Outcome.SMALL_TALK).toList();
        Map<String, QuestionRecord> byReply = new HashMap<>();
        questions.forEach(q -> byReply.put(q.conversationId() + "/" + q.messageId(), q));

        List<NotUseful> notUseful = new ArrayList<>();
        List<QuestionRecord> unhelpful = new ArrayList<>();
        for (FeedbackRecord f : feedback) {
            if (f.notUseful()) {
                QuestionRecord q = byReply.get(f.conversationId() + "/" + f.messageId().orElse(""));
                if (q != null) {
                    unhelpful.add(q);
                }
                notUseful.add(new NotUseful(f.conversationId(), f.at().toString(),
                        q == null ? null : q.question(), q == null ? null : q.itemKey().orElse(null),
                        f.maskedText().orElse(null)));
            }
        }
        return new AnalyticsReport(from.toString(), to.toString(), zone.getId(), totals(questions, feedback),
                byDomainAndDay(questions), topQuestions(questions), knowledgeGaps(questions, unhelpful),
                handoffReasons(questions), badlyRated(questions, feedback), last(notUseful),
                notUsefulByDay(from, to, feedback));
    }

    private static Totals totals(List<QuestionRecord> questions, List<FeedbackRecord> feedback) {
        Counts c = Counts.of(questions);
        List<Integer> ratings = feedback.stream().flatMap(f -> f.rating().stream()).toList();
        Double average = ratings.isEmpty() ? null
                : round(ratings.stream().mapToInt(Integer::intValue).average().orElse(0));
        return new Totals(c.questions, c.answered, c.clarified, c.handedOff, c.refused, c.rate(c.answered),
                c.rate(c.handedOff), feedback.stream().filter(f -> f.useful().orElse(false)).count(),
                feedback.stream().filter(FeedbackRecord::notUseful).count(), ratings.size(), average);
    }

    private List<DomainDay> byDomainAndDay(List<QuestionRecord> questions) {
        Map<LocalDate, Map<String, List<QuestionRecord>>> grouped = new TreeMap<>();
        for (QuestionRecord q : questions) {
            grouped.computeIfAbsent(LocalDate.ofInstant(q.at(), zone), d -> new TreeMap<>())
                    .computeIfAbsent(q.domain().orElse(NO_DOMAIN), d -> new ArrayList<>()).add(q);
        }
        List<DomainDay> out = new ArrayList<>();
        grouped.forEach((day, domains) -> domains.forEach((domain, records) -> {
            Counts c = Counts.of(records);
            out.add(new DomainDay(day.toString(), domain, c.questions, c.answered, c.clarified, c.handedOff,
                    c.refused, c.rate(c.answered), c.rate(c.handedOff)));
        }));
        return out;
    }

    private static List<TopQuestion> topQuestions(List<QuestionRecord> questions) {
        Map<String, List<QuestionRecord>> byItem = questions.stream()
                .filter(q -> q.outcome() == Outcome.ANSWERED && q.itemKey().isPresent())
                .collect(Collectors.groupingBy(q -> q.itemKey().get(), LinkedHashMap::new, Collectors.toList()));
        return byItem.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<QuestionRecord>>>comparingInt(e -> e.getValue().size())
                        .reversed().thenComparing(Map.Entry::getKey))
                .limit(TOP_QUESTIONS)
                .map(e -> {
                    QuestionRecord first = e.getValue().get(0);
                    return new TopQuestion(e.getKey(), first.itemTitle().orElse(e.getKey()),
                            first.domain().orElse(NO_DOMAIN), e.getValue().size(),
                            // a deleted conversation's records count, but have no text
                            byFrequency(e.getValue().stream().filter(AnalyticsReporter::hasText).toList())
                                    .stream().limit(EXAMPLES).toList());
                })
                .toList();
    }

    private List<KnowledgeGap> knowledgeGaps(List<QuestionRecord> questions, List<QuestionRecord> unhelpful) {
        // each gap question once per reason it counts
        List<Map.Entry<QuestionRecord, String>> gaps = new ArrayList<>();
        questions.stream().filter(QuestionRecord::unanswered).filter(AnalyticsReporter::hasText)
                .forEach(q -> gaps.add(Map.entry(q, q.reason().orElse("clarified"))));
        unhelpful.stream().filter(AnalyticsReporter::hasText).forEach(q -> gaps.add(Map.entry(q, "not_useful")));
        if (gaps.isEmpty()) {
            return List.of();
        }
        Map<String, List<Map.Entry<QuestionRecord, String>>> byText = gaps.stream()
                .collect(Collectors.groupingBy(e -> e.getKey().question(), LinkedHashMap::new, Collectors.toList()));
        List<String> texts = byText.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<Map.Entry<QuestionRecord, String>>>>comparingInt(
                        e -> e.getValue().size()).reversed())
                .limit(maxGapQuestions)
                .map(Map.Entry::getKey)
                .toList();
        List<KnowledgeGap> out = new ArrayList<>();
        for (GapClusterer.Cluster cluster : clusterer.cluster(texts)) {
            List<String> members = cluster.members().stream().map(texts::get).toList();
            Map<String, Long> domains = new TreeMap<>();
            Map<String, Long> reasons = new TreeMap<>();
            long size = 0;
            for (String text : members) {
                for (Map.Entry<QuestionRecord, String> gap : byText.get(text)) {
                    size++;
                    GapClusterer.count(domains, gap.getKey().domain().orElse(NO_DOMAIN), 1);
                    GapClusterer.count(reasons, gap.getValue(), 1);
                }
            }
            out.add(new KnowledgeGap(size, members.get(0),
                    members.stream().skip(1).limit(EXAMPLES).toList(), domains, reasons));
        }
        out.sort(Comparator.comparingLong(KnowledgeGap::size).reversed());
        return out.size() > LISTED ? out.subList(0, LISTED) : out;
    }

    private Map<String, Long> notUsefulByDay(LocalDate from, LocalDate to, List<FeedbackRecord> feedback) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.put(d.toString(), 0L);
        }
        feedback.stream().filter(FeedbackRecord::notUseful)
                .forEach(f -> out.computeIfPresent(LocalDate.ofInstant(f.at(), zone).toString(), (d, n) -> n + 1));
        return out;
    }

    private static List<ReasonCount> handoffReasons(List<QuestionRecord> questions) {
        Map<String, Long> counts = questions.stream().filter(q -> q.outcome() == Outcome.HANDED_OFF)
                .collect(Collectors.groupingBy(q -> q.reason().orElse("unknown"), TreeMap::new,
                        Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> new ReasonCount(e.getKey(), e.getValue()))
                .toList();
    }

    private static List<BadlyRated> badlyRated(List<QuestionRecord> questions, List<FeedbackRecord> feedback) {
        Map<String, List<String>> byConversation = questions.stream().collect(Collectors.groupingBy(
                QuestionRecord::conversationId, Collectors.mapping(QuestionRecord::question, Collectors.toList())));
        List<BadlyRated> out = feedback.stream().filter(FeedbackRecord::badRating)
                .map(f -> new BadlyRated(f.conversationId(), f.at().toString(), f.rating().orElseThrow(),
                        f.maskedText().orElse(null), byConversation.getOrDefault(f.conversationId(), List.of())))
                .toList();
        return last(out);
    }

    /** Distinct texts, most frequent first. */
    private static List<String> byFrequency(List<QuestionRecord> records) {
        Map<String, Long> counts = records.stream()
                .collect(Collectors.groupingBy(QuestionRecord::question, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
    }

    private static <T> List<T> last(List<T> items) {
        return items.size() > LISTED ? List.copyOf(items.subList(items.size() - LISTED, items.size())) : items;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private record Counts(long questions, long answered, long clarified, long handedOff, long refused) {
        static Counts of(List<QuestionRecord> records) {
            return new Counts(records.size(), count(records, q -> q.outcome() == Outcome.ANSWERED),
                    count(records, q -> q.outcome() == Outcome.CLARIFIED),
                    count(records, q -> q.outcome() == Outcome.HANDED_OFF),
                    count(records, q -> q.outcome() == Outcome.REFUSED));
        }

        private static long count(List<QuestionRecord> records, Predicate<QuestionRecord> p) {
            return records.stream().filter(p).count();
        }

        double rate(long part) {
            return questions == 0 ? 0 : round((double) part / questions);
        }
    }
}
