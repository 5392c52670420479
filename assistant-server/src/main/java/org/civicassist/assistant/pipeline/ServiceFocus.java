package org.civicassist.assistant.pipeline;

import org.civicassist.kb.rank.Candidate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Part of the decide stage: which service (事项) the ranked candidates point at, and how surely. Retrieval finds the
 * right service far more often than the right item of it (ANSWERING.md): a citizen who names a service is answered
 * at the service level (a service card), and one who names a service and an element (材料, 多久 …) with that
 * element of the service, even when no single item is sure.
 *
 * <p>The share of a service is the softmax mass of its candidates' ranking scores (which are logits of the pairwise
 * ranking model) among all candidates considered.
 *
 * @param serviceId the most likely service
 * @param share     its share of the softmax mass, in (0, 1]
 * @param items     its candidates, best first
 */
public record ServiceFocus(String serviceId, double share, List<Candidate> items) {

    public ServiceFocus {
        items = List.copyOf(items);
    }

    /** The focus of a ranked list, or empty when nothing was found. */
    public static Optional<ServiceFocus> of(List<Candidate> ranked) {
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        double best = ranked.get(0).score();
        if (!Double.isFinite(best)) {
            return Optional.of(new ServiceFocus(ranked.get(0).passage().serviceId(), 1.0, List.of(ranked.get(0))));
        }
        Map<String, Double> mass = new LinkedHashMap<>();
        double total = 0;
        for (Candidate c : ranked) {
            double m = Math.exp(c.score() - best); // shifted by the best score: no overflow
            mass.merge(c.passage().serviceId(), m, Double::sum);
            total += m;
        }
        String service = null;
        double top = -1;
        for (Map.Entry<String, Double> e : mass.entrySet()) {
            if (e.getValue() > top) {
                top = e.getValue();
                service = e.getKey();
            }
        }
        String chosen = service;
        return Optional.of(new ServiceFocus(chosen, top / total,
                ranked.stream().filter(c -> c.passage().serviceId().equals(chosen)).toList()));
    }

    /** The given service's share and items in a ranked list (the service was chosen otherwise, e.g. by title). */
    public static ServiceFocus on(String serviceId, List<Candidate> ranked) {
        double best = ranked.get(0).score();
        double total = 0;
        double own = 0;
        for (Candidate c : ranked) {
            double m = Double.isFinite(best) ? Math.exp(c.score() - best) : 1;
            total += m;
            own += c.passage().serviceId().equals(serviceId) ? m : 0;
        }
        return new ServiceFocus(serviceId, own / total,
                ranked.stream().filter(c -> c.passage().serviceId().equals(serviceId)).toList());
    }

    /** The service's best item about the aspect asked: a FAQ or section the ranker marked as answering it. */
    public Optional<Candidate> itemAboutAskedAspect() {
        return items.stream().filter(c -> c.features().get("aspect_match") > 0).findFirst();
    }
}
