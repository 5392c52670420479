package org.civicassist.assistant.maintain;

import org.civicassist.assistant.analytics.AnalyticsStore;
import org.civicassist.assistant.teach.Suggestion;
import org.civicassist.assistant.teach.TeachService;
import org.civicassist.assistant.web.ApiException;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Links questions of a knowledge gap to an existing KB item: each becomes a suggested similar question of that item in
 * the suggestion store ({@link TeachService#suggest}), reviewed like those staff leave when closing a conversation.
 * Only questions citizens asked (as stored for analytics, personal data masked) within the retention period can be
 * linked, so no unmasked text reaches the store this way.
 */
public class GapLinks {

    static final int MAX_QUESTIONS = 20;

    private final AnalyticsStore analytics;
    private final TeachService teach;
    private final ZoneId zone;
    private final Clock clock;
    private final int maxDays;

    public GapLinks(AnalyticsStore analytics, TeachService teach, ZoneId zone, Clock clock, int maxDays) {
        this.analytics = analytics;
        this.teach = teach;
        this.zone = zone;
        this.clock = clock;
        this.maxDays = maxDays;
    }

    /** @return the suggestions made (or already pending) for the questions, in their order */
    public Mono<List<Suggestion>> link(String actor, String item, List<String> questions) {
        return Mono.defer(() -> {
            String key = teach.validateItem(item);
            if (key == null) {
                throw ApiException.badInput("请选择要关联的知识库条目（item）。", "Name the KB item to link to (item).");
            }
            Set<String> wanted = new LinkedHashSet<>();
            (questions == null ? List.<String>of() : questions).stream().filter(q -> q != null && !q.isBlank())
                    .map(String::strip).forEach(wanted::add);
            if (wanted.isEmpty() || wanted.size() > MAX_QUESTIONS) {
                throw ApiException.badInput("请提交 1 到 " + MAX_QUESTIONS + " 个问题（questions）。",
                        "Send 1 to " + MAX_QUESTIONS + " questions.");
            }
            LocalDate to = LocalDate.ofInstant(clock.instant(), zone);
            return analytics.questions(to.minusDays(maxDays - 1L), to)
                    .filter(r -> wanted.contains(r.question()))
                    .map(r -> r.question()).collect(java.util.stream.Collectors.toSet())
                    .flatMap(asked -> {
                        List<String> unknown = wanted.stream().filter(q -> !asked.contains(q)).toList();
                        if (!unknown.isEmpty()) {
                            return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, "unknown-question",
                                    "只能关联市民问过的问题（见知识缺口）。",
                                    "Only questions citizens asked (see the knowledge gaps) can be linked."));
                        }
                        return Flux.fromIterable(wanted)
                                .concatMap(q -> teach.suggest(actor, null, q, key))
                                .flatMap(Mono::justOrEmpty)
                                .collectList();
                    });
        });
    }
}
