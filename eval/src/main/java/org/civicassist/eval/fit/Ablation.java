package org.civicassist.eval.fit;

import org.civicassist.kb.rank.Candidate;
import org.civicassist.kb.rank.Features;
import org.civicassist.kb.rank.RankingModelFitter;
import org.civicassist.kb.rank.RankingModelFitter.LabeledQuestion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each part of the ranking buys: the fit is repeated with one feature family left out (its features held at 0,
 * which no tree can split on and no weight can use), without the self-supervised questions, and with the other scorer,
 * and each row reports the out-of-fold Recall@1 and the expected resolution at the target wrong-answer rate.
 */
public final class Ablation {

    /** The feature families, named for what they measure. */
    public static final Map<String, Set<String>> FAMILIES = families();

    private static Map<String, Set<String>> families() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("lexical (words)", Set.of("lex_norm", "lex_rr", "lexq_norm", "lexq_rr", "lexc_norm"));
        m.put("lexical (bigrams)", Set.of("lexb_norm", "lexb_rr"));
        m.put("lexical (smartcn)", Set.of("lexs_norm", "lexs_rr"));
        m.put("dense", Set.of("dense_cos", "dense_gap", "dense_rr", "dense_qcos", "dense_ccos"));
        m.put("overlap", Set.of("question_dice", "coverage", "question_cov", "title_cov"));
        m.put("service evidence", Set.of("service_support", "domain_vote"));
        m.put("aspect (cue list)", Set.of("aspect_match", "aspect_miss"));
        m.put("aspect (learned)", Set.of("aspect_prob", "aspect_sure"));
        m.put("item kind", Set.of("is_faq"));
        m.put("conversation topic", Set.of("topic_match", "in_topic"));
        m.put("question length", Set.of("query_chars"));
        m.put("unknown words", Set.of("unknown_share"));
        m.put("the message alone", Set.of("message_cos", "message_cov"));
        m.put("within the service", Set.of("residual_cov", "cos_in_service", "cov_in_service", "dice_in_service"));
        Set<String> covered = new java.util.HashSet<>();
        m.values().forEach(covered::addAll);
        if (!covered.equals(Set.copyOf(Features.NAMES))) {
            throw new IllegalStateException("feature families do not cover the features exactly");
        }
        return m;
    }

    public record Row(String variant, RankingModelFitter.Fit fit) {
    }

    private Ablation() {
    }

    public static List<Row> run(ModelFit.Training training, RankingModelFitter.Settings settings,
                                RankingModelFitter.ScorerTrainer trainer, String trainerName,
                                RankingModelFitter.ScorerTrainer other, String otherName) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("all (" + trainerName + ")", ModelFit.fit(training, settings, trainer)));
        rows.add(row(otherName + " instead of " + trainerName, ModelFit.fit(training, settings, other)));
        rows.add(row("without self-supervised questions",
                ModelFit.fit(new ModelFit.Training(training.labeled(), List.of()), settings, trainer)));
        for (var family : FAMILIES.entrySet()) {
            ModelFit.Training masked = new ModelFit.Training(mask(training.labeled(), family.getValue()),
                    mask(training.selfSupervised(), family.getValue()));
            rows.add(row("without " + family.getKey(), ModelFit.fit(masked, settings, trainer)));
        }
        return rows;
    }

    /** One row per variant: out-of-fold Recall@1 overall and per style, then expected resolution overall. */
    public static String markdown(List<Row> rows) {
        List<String> styles = List.copyOf(rows.get(0).fit().byStyle().keySet());
        StringBuilder sb = new StringBuilder("| variant | Recall@1");
        styles.forEach(s -> sb.append(" | Recall@1 ").append(s));
        sb.append(" | expected resolution |\n|---|---");
        styles.forEach(s -> sb.append("|---"));
        sb.append("|---|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %.3f", r.variant(), r.fit().crossValidatedRecallAt1()));
            for (String s : styles) {
                var f = r.fit().byStyle().get(s);
                sb.append(f == null ? " | –" : String.format(Locale.ROOT, " | %.3f", f.recallAt1()));
            }
            sb.append(String.format(Locale.ROOT, " | %.3f |%n", r.fit().expectedResolution()));
        }
        return sb.toString();
    }

    private static Row row(String variant, RankingModelFitter.Fit fit) {
        return new Row(variant, fit);
    }

    static List<LabeledQuestion> mask(List<LabeledQuestion> questions, Set<String> features) {
        List<LabeledQuestion> out = new ArrayList<>(questions.size());
        for (LabeledQuestion q : questions) {
            List<Candidate> candidates = new ArrayList<>(q.candidates().size());
            for (Candidate c : q.candidates()) {
                Features f = new Features();
                for (String name : Features.NAMES) {
                    f.set(name, features.contains(name) ? 0 : c.features().get(name));
                }
                candidates.add(new Candidate(c.passage(), f, c.score()));
            }
            out.add(new LabeledQuestion(q.id(), candidates, q.expected(), q.foreignPlace(), q.style()));
        }
        return out;
    }
}
