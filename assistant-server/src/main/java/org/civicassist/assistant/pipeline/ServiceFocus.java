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

    /** The focus of a ranked list: its service of most mass, or empty when nothing was found. */
    public static Optional<ServiceFocus> of(List<Candidate> ranked) {
        Map<String, Double> mass = mass(ranked);
        return mass.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(leading -> on(leading.getKey(), ranked));
    }

    /** The given service's share and items in a ranked list (the service was chosen otherwise, e.g. by title). */
    public static ServiceFocus on(String serviceId, List<Candidate> ranked) {
        Map<String, Double> mass = mass(ranked);
        double total = mass.values().stream().mapToDouble(Double::doubleValue).sum();
        return new ServiceFocus(serviceId, mass.getOrDefault(serviceId, 0.0) / total,
                ranked.stream().filter(c -> c.passage().serviceId().equals(serviceId)).toList());
    }

    /**
     * Each service's softmax mass, in the order services first appear. Scores are shifted by the first (best) one, so
     * nothing overflows; a candidate the citizen chose (infinite score) holds all of it.
     */
    private static Map<String, Double> mass(List<Candidate> ranked) {
        Map<String, Double> mass = new LinkedHashMap<>();
        if (ranked.isEmpty()) {
            return mass;
        }
        double best = ranked.get(0).score();
        for (Candidate c : ranked) {
            double m = Double.isFinite(best) ? Math.exp(c.score() - best) : (c == ranked.get(0) ? 1 : 0);
            mass.merge(c.passage().serviceId(), m, Double::sum);
        }
        return mass;
    }

    /** The service's best item about the aspect asked: a FAQ or section the ranker marked as answering it. */
    public Optional<Candidate> itemAboutAskedAspect() {
        return items.stream().filter(c -> c.features().get("aspect_match") > 0).findFirst();
    }
}
