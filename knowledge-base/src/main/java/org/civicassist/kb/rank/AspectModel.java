package org.civicassist.kb.rank;

import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;
import org.civicassist.nlp.intent.Aspect;
import org.civicassist.nlp.intent.AspectDetector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a question asks about a service (材料, 时限, 费用 …), learned from the knowledge base itself rather than from a
 * cue list: a naive Bayes model over character bigrams, trained on the questions of the FAQs (and their similar
 * questions) labelled with the aspect they ask, and on each guide section's heading labelled with the section's aspect.
 * A FAQ is labelled by weak supervision: the aspect the cue list finds in its own question, else the aspect of the
 * section of its guide that its answer resembles most. The model then generalises from the cues to all the words the
 * FAQs' similar questions use for the same aspect (要带啥, 得跑几趟 …). The services' names (every bigram of a guide
 * title) are left out of the training text and of the questions, so it learns how aspects are asked, not which services
 * have many FAQs of one kind (补办 and 登记 name services, not aspects).
 *
 * <p>The ranker compares the question's aspect distribution with each item's aspect ({@link #of(Passage)}).
 */
public final class AspectModel {

    /** Least bigram overlap between a FAQ's answer and a section for the FAQ to take that section's aspect. */
    static final double LABEL_MIN_DICE = 0.12;
    /** Laplace smoothing of bigram counts. */
    private static final double SMOOTHING = 0.5;

    private static final Aspect[] ASPECTS = Aspect.values();

    private final Map<String, double[]> logLikelihood; // bigram → log P(bigram | aspect)
    private final double[] unseen;                     // log P(unseen bigram | aspect)
    private final Map<String, Aspect> itemAspects;     // citation key → aspect, for the items that have one

    private AspectModel(Map<String, double[]> logLikelihood, double[] unseen, Map<String, Aspect> itemAspects) {
        this.logLikelihood = logLikelihood;
        this.unseen = unseen;
        this.itemAspects = itemAspects;
    }

    /** Learns the model from the passages of a knowledge base. */
    public static AspectModel learn(List<Passage> passages, SectionAspects sections, AspectDetector cues) {
        Map<String, Aspect> headingAspect = new HashMap<>();
        for (Aspect a : ASPECTS) {
            for (String h : sections.headingsFor(a)) {
                headingAspect.putIfAbsent(h, a); // 办理流程 answers PROCESS before ONLINE
            }
        }
        // the sections of each guide by aspect, with their text (chunks of one section joined)
        Map<String, Map<Aspect, StringBuilder>> guideSections = new LinkedHashMap<>();
        Map<String, String> guideTitles = new HashMap<>();
        Map<String, Aspect> itemAspects = new HashMap<>();
        List<Example> examples = new ArrayList<>();
        for (Passage p : passages) {
            if (p.kind() != PassageKind.SECTION) {
                continue;
            }
            Aspect a = headingAspect.get(p.section());
            if (a == null) {
                continue;
            }
            guideTitles.put(p.itemId(), p.title());
            itemAspects.put(p.citationKey(), a);
            guideSections.computeIfAbsent(p.itemId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(a, k -> new StringBuilder()).append(p.text()).append('\n');
        }
        // the services' names are known only once every section was seen: the sections' examples come after
        Set<String> serviceNames = new HashSet<>();
        guideTitles.values().forEach(t -> serviceNames.addAll(Bigrams.of(t)));
        itemAspects.forEach((key, a) -> examples.add(new Example(
                without(Bigrams.of(key.substring(key.indexOf('#') + 1)), serviceNames), a)));
        for (Passage p : passages) {
            if (p.kind() != PassageKind.FAQ || p.guideId() == null || !guideSections.containsKey(p.guideId())) {
                continue;
            }
            Optional<Aspect> a = cues.detect(p.questions().get(0))
                    .or(() -> closestSection(p.text(), guideSections.get(p.guideId())));
            if (a.isEmpty()) {
                continue;
            }
            itemAspects.put(p.citationKey(), a.get());
            for (String q : p.questions()) {
                examples.add(new Example(without(Bigrams.of(q), serviceNames), a.get()));
            }
        }
        return fit(examples, itemAspects);
    }

    /** P(aspect | text) for every aspect, in {@link Aspect} order; uniform when nothing of the text is known. */
    public double[] ask(String text) {
        double[] logp = new double[ASPECTS.length];
        int known = 0;
        for (String b : Bigrams.of(text)) {
            double[] l = logLikelihood.get(b);
            if (l == null) {
                continue;
            }
            known++;
            for (int a = 0; a < logp.length; a++) {
                logp[a] += l[a] - unseen[a];
            }
        }
        double[] p = new double[ASPECTS.length];
        if (known == 0) {
            java.util.Arrays.fill(p, 1.0 / p.length);
            return p;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logp) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int a = 0; a < p.length; a++) {
            p[a] = Math.exp(logp[a] - max);
            sum += p[a];
        }
        for (int a = 0; a < p.length; a++) {
            p[a] /= sum;
        }
        return p;
    }

    /** The aspect an item answers: a section's by its heading, a FAQ's as learned; empty when it has none. */
    public Optional<Aspect> of(Passage p) {
        return Optional.ofNullable(itemAspects.get(p.citationKey()));
    }

    private record Example(Set<String> bigrams, Aspect aspect) {
    }

    private static AspectModel fit(List<Example> examples, Map<String, Aspect> itemAspects) {
        Map<String, double[]> counts = new HashMap<>();
        double[] totals = new double[ASPECTS.length];
        for (Example e : examples) {
            for (String b : e.bigrams()) {
                counts.computeIfAbsent(b, k -> new double[ASPECTS.length])[e.aspect().ordinal()]++;
                totals[e.aspect().ordinal()]++;
            }
        }
        int vocabulary = Math.max(1, counts.size());
        double[] unseen = new double[ASPECTS.length];
        for (int a = 0; a < unseen.length; a++) {
            unseen[a] = Math.log(SMOOTHING / (totals[a] + SMOOTHING * vocabulary));
        }
        Map<String, double[]> logLikelihood = new HashMap<>();
        counts.forEach((b, c) -> {
            double[] l = new double[ASPECTS.length];
            for (int a = 0; a < l.length; a++) {
                l[a] = Math.log((c[a] + SMOOTHING) / (totals[a] + SMOOTHING * vocabulary));
            }
            logLikelihood.put(b, l);
        });
        return new AspectModel(logLikelihood, unseen, Map.copyOf(itemAspects));
    }

    private static Optional<Aspect> closestSection(String answer, Map<Aspect, StringBuilder> sections) {
        Set<String> a = Bigrams.of(answer);
        Aspect best = null;
        double bestDice = LABEL_MIN_DICE;
        for (var e : sections.entrySet()) {
            double d = Bigrams.dice(a, Bigrams.of(e.getValue().toString()));
            if (d > bestDice) {
                bestDice = d;
                best = e.getKey();
            }
        }
        return Optional.ofNullable(best);
    }

    private static Set<String> without(Set<String> bigrams, Set<String> removed) {
        Set<String> out = new HashSet<>(bigrams);
        out.removeAll(removed);
        return out;
    }
}
