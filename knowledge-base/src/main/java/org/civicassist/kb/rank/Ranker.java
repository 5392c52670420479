package org.civicassist.kb.rank;

import org.civicassist.kb.index.KbIndex;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;
import org.civicassist.kb.retrieve.ScoredPassage;
import org.civicassist.nlp.intent.Aspect;
import org.civicassist.nlp.intent.AspectDetector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Re-ranks the union of the lexical and dense candidates with a learned model over {@link Features}. Each
 * citation appears once (the best chunk of a section stands for it).
 */
public final class Ranker {

    /** How many of the nearest passages vote on the question's domain. */
    static final int DOMAIN_VOTERS = 10;

    private final CandidateScorer model;
    private final KbIndex index;
    private final PassageStatistics statistics;
    private final SectionAspects sectionAspects;
    private final AspectModel aspectModel;
    /** The aspect each FAQ's phrasings ask, by the cue list: found once here, not for every question ranked. */
    private final Map<String, Optional<Aspect>> faqAspects = new HashMap<>();
    /**
     * By passage ord, the bigram codes of each of its phrasings ({@code question_dice}), made the first time the
     * passage is a candidate and kept for the snapshot's life: a build does none of this work, and only passages
     * that were candidates hold codes. Two threads may both make one; the codes are equal.
     */
    private final AtomicReferenceArray<int[][]> phrasingBigrams;

    public Ranker(CandidateScorer model, KbIndex index, PassageStatistics statistics, SectionAspects sectionAspects,
                  AspectDetector aspectDetector, AspectModel aspectModel) {
        if (!model.inputs().equals(Features.NAMES)) {
            throw new IllegalArgumentException("ranking model inputs differ from the features: " + model.inputs());
        }
        this.model = model;
        this.index = index;
        this.statistics = statistics;
        this.sectionAspects = sectionAspects;
        this.aspectModel = aspectModel;
        for (Passage p : index.passages()) {
            if (p.kind() == PassageKind.FAQ) {
                faqAspects.put(p.id(), aspectDetector.detect(String.join(" ", p.questions())));
            }
        }
        this.phrasingBigrams = new AtomicReferenceArray<>(index.passages().size());
    }

    public List<Candidate> rank(RankingInput in) {
        Map<Integer, Passage> pool = new LinkedHashMap<>();
        Map<Integer, ScoredPassage> lexical = byOrd(in.lexical(), pool);
        Map<Integer, ScoredPassage> lexicalQuestions = byOrd(in.lexicalQuestions(), pool);
        Map<Integer, ScoredPassage> lexicalContent = byOrd(in.lexicalContent(), pool);
        Map<Integer, ScoredPassage> lexicalBigrams = byOrd(in.lexicalBigrams(), pool);
        Map<Integer, ScoredPassage> lexicalSmart = byOrd(in.lexicalSmart(), pool);
        Map<Integer, ScoredPassage> dense = byOrd(in.dense(), pool);
        double bestLex = bestScore(in.lexical());
        double bestLexQ = bestScore(in.lexicalQuestions());
        double bestLexC = bestScore(in.lexicalContent());
        double bestLexB = bestScore(in.lexicalBigrams());
        double bestLexS = bestScore(in.lexicalSmart());
        double bestCos = in.dense().isEmpty() ? 0 : in.dense().get(0).score();

        Map<String, Double> serviceEvidence = new HashMap<>();
        for (var e : pool.entrySet()) {
            serviceEvidence.merge(e.getValue().serviceId(), rrf(lexical.get(e.getKey())) + rrf(dense.get(e.getKey())),
                    Double::sum);
        }
        double bestEvidence = serviceEvidence.values().stream().mapToDouble(d -> d).max().orElse(1);
        Map<String, Double> domainVotes = new HashMap<>();
        int voters = Math.min(DOMAIN_VOTERS, in.dense().size());
        for (int i = 0; i < voters; i++) {
            domainVotes.merge(in.dense().get(i).passage().domain(), 1.0 / voters, Double::sum);
        }
        int[] queryBigrams = Bigrams.codes(in.text());
        double[] askedAspects = aspectModel.ask(in.text());
        double aspectSure = java.util.Arrays.stream(askedAspects).max().orElse(0);
        double queryChars = Math.log1p(in.text().codePoints().filter(Character::isLetterOrDigit).count());
        double unknownShare = statistics.unknownShare(in.words());

        Map<String, Candidate> byCitation = new LinkedHashMap<>();
        Map<Integer, Features> features = new HashMap<>();
        Map<String, double[]> bestInService = new HashMap<>();
        for (var e : pool.entrySet()) {
            int ord = e.getKey();
            Passage p = e.getValue();
            ScoredPassage lex = lexical.get(ord);
            ScoredPassage lexQ = lexicalQuestions.get(ord);
            ScoredPassage lexC = lexicalContent.get(ord);
            ScoredPassage lexB = lexicalBigrams.get(ord);
            ScoredPassage lexS = lexicalSmart.get(ord);
            ScoredPassage den = dense.get(ord);
            double qcos = Math.max(0, index.questionCosine(ord, in.vector()));
            double ccos = Math.max(0, index.contentCosine(ord, in.vector()));
            double cos = Math.max(qcos, ccos);
            double coverage = statistics.coverage(ord, in.words());
            Features f = new Features();
            f.set("lex_norm", lex == null ? 0 : lex.score() / bestLex);
            f.set("lex_rr", reciprocalRank(lex));
            f.set("lexq_norm", lexQ == null ? 0 : lexQ.score() / bestLexQ);
            f.set("lexq_rr", reciprocalRank(lexQ));
            f.set("lexc_norm", lexC == null ? 0 : lexC.score() / bestLexC);
            f.set("lexb_norm", lexB == null ? 0 : lexB.score() / bestLexB);
            f.set("lexb_rr", reciprocalRank(lexB));
            f.set("lexs_norm", lexS == null ? 0 : lexS.score() / bestLexS);
            f.set("lexs_rr", reciprocalRank(lexS));
            f.set("dense_cos", cos);
            f.set("dense_gap", cos - bestCos);
            f.set("dense_rr", reciprocalRank(den));
            f.set("dense_qcos", qcos);
            f.set("dense_ccos", ccos);
            f.set("question_dice", questionDice(queryBigrams, ord, p));
            f.set("coverage", coverage);
            f.set("question_cov", statistics.questionCoverage(ord, in.words()));
            f.set("title_cov", statistics.titleCoverage(ord, in.words()));
            f.set("service_support", serviceEvidence.get(p.serviceId()) / bestEvidence);
            f.set("domain_vote", domainVotes.getOrDefault(p.domain(), 0.0));
            if (in.aspect().isPresent()) {
                boolean match = aspectMatches(in.aspect().get(), p);
                f.set("aspect_match", match ? 1 : 0);
                f.set("aspect_miss", !match && p.kind() == PassageKind.SECTION ? 1 : 0);
            }
            f.set("aspect_prob", aspectModel.of(p).map(a -> askedAspects[a.ordinal()]).orElse(0.0));
            f.set("aspect_sure", aspectSure);
            f.set("is_faq", p.kind() == PassageKind.FAQ ? 1 : 0);
            f.set("topic_match", in.topicServiceId().map(t -> t.equals(p.serviceId()) ? 1 : 0).orElse(0));
            f.set("query_chars", queryChars);
            f.set("in_topic", in.topicServiceId().isPresent() ? 1 : 0);
            f.set("unknown_share", unknownShare);
            // the message alone, for a follow-up searched with its context; else the question itself
            f.set("message_cos", in.message().map(m -> closestViewCosine(ord, m.vector())).orElse(cos));
            f.set("message_cov", in.message().map(m -> statistics.coverage(ord, m.terms().words()))
                    .orElse(coverage));
            f.set("residual_cov", statistics.residualCoverage(ord, in.words()));
            features.put(ord, f);
            bestInService.merge(p.serviceId(), new double[]{cos, coverage, f.get("question_dice")},
                    (a, b) -> new double[]{Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.max(a[2], b[2])});
        }
        // how each item compares with its siblings: the service's items share its title's words and much else
        for (var e : pool.entrySet()) {
            Passage p = e.getValue();
            Features f = features.get(e.getKey());
            double[] best = bestInService.get(p.serviceId());
            f.set("cos_in_service", f.get("dense_cos") - best[0]);
            f.set("cov_in_service", f.get("coverage") - best[1]);
            f.set("dice_in_service", f.get("question_dice") - best[2]);
            Candidate c = new Candidate(p, f, model.score(f.values()));
            byCitation.merge(p.citationKey(), c, (a, b) -> a.score() >= b.score() ? a : b);
        }
        List<Candidate> ranked = new ArrayList<>(byCitation.values());
        ranked.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return ranked;
    }

    /** The cosine of the passage's closest vector view (its question phrasings or its content), at least 0. */
    private double closestViewCosine(int ord, float[] vector) {
        return Math.max(0, Math.max(index.questionCosine(ord, vector), index.contentCosine(ord, vector)));
    }

    private static Map<Integer, ScoredPassage> byOrd(List<ScoredPassage> hits, Map<Integer, Passage> pool) {
        Map<Integer, ScoredPassage> out = new HashMap<>();
        for (ScoredPassage sp : hits) {
            out.put(sp.ord(), sp);
            pool.putIfAbsent(sp.ord(), sp.passage());
        }
        return out;
    }

    private static double bestScore(List<ScoredPassage> hits) {
        return hits.isEmpty() ? 1 : Math.max(1e-9, hits.get(0).score());
    }

    private static double reciprocalRank(ScoredPassage sp) {
        return sp == null ? 0 : 1.0 / (1 + sp.rank());
    }

    private boolean aspectMatches(Aspect aspect, Passage p) {
        if (p.kind() == PassageKind.SECTION) {
            return sectionAspects.headingsFor(aspect).contains(p.section());
        }
        return faqAspects.getOrDefault(p.id(), Optional.empty()).map(aspect::equals).orElse(false);
    }

    /** The best bigram overlap of the question with one of the passage's phrasings (a section: its service and title). */
    private double questionDice(int[] queryBigrams, int ord, Passage p) {
        int[][] phrasings = phrasingBigrams.get(ord);
        if (phrasings == null) {
            List<String> texts = p.kind() == PassageKind.FAQ ? p.questions() : List.of(p.title() + p.section());
            phrasings = texts.stream().map(Bigrams::codes).toArray(int[][]::new);
            phrasingBigrams.set(ord, phrasings);
        }
        double best = 0;
        for (int[] phrasing : phrasings) {
            best = Math.max(best, Bigrams.dice(queryBigrams, phrasing));
        }
        return best;
    }

    private static double rrf(ScoredPassage sp) {
        return sp == null ? 0 : 1.0 / (10 + sp.rank());
    }
}
