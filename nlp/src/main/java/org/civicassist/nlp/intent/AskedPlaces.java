package org.civicassist.nlp.intent;

import org.civicassist.nlp.segment.Token;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The places whose own rules or offices a message asks about, told apart by grammar from the places that only tell
 * the citizen's circumstances. A place that modifies a government-service noun — at the head of its noun phrase,
 * with at most a linking word between (上海的低保标准, 杭州公积金租房提取, 南京市民中心, 深圳那边的人才引进) — names
 * whose rules are asked; a place after a preposition or verb of location or motion (在, 从, 去, 回 …), after a
 * pronoun or a copula (我, 是), or followed by anything but a service noun (四川的 在江州干了5年, 英国读的硕士, 河南户口)
 * tells where the citizen is, was or comes from, and the question is still about this city's services; so does a
 * place whose service is moved here in the same phrase (上海社保转到江州, 杭州的公积金能转过来吗).
 */
public final class AskedPlaces {

    /** Words before a place that make it the citizen's circumstance: location and motion, pronouns, copula. */
    private static final Set<String> CIRCUMSTANCE = Set.of("在", "从", "去", "到", "回", "来", "往", "住", "离开", "由",
            "我", "你", "他", "她", "我们", "他们", "俺", "是", "老家", "回老家");
    /** Words that may stand between the place and its noun without ending the phrase. */
    private static final Set<String> LINKING = Set.of("的", "市", "省", "那边", "那里", "那儿", "当地", "本地",
            "今年", "现在", "目前");
    /** Service nouns that describe a person, not a place's rules: 河南户口 is the citizen's registration. */
    private static final Set<String> PERSONAL = Set.of("户口", "户籍", "人", "老家");
    /** Verbs that move a service from the place to here: the place is where it comes from. */
    private static final List<String> MOVED = List.of("转", "迁", "调", "接续", "过来", "回来");

    private AskedPlaces() {
    }

    /**
     * @param tokens        the segmented message, in order
     * @param isPlace       whether a word is a place name
     * @param isServiceNoun whether a word is a government-service term (of the domain dictionary)
     */
    public static Set<String> find(List<Token> tokens, Predicate<String> isPlace, Predicate<String> isServiceNoun) {
        Set<String> asked = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token place = tokens.get(i);
            if (!isPlace.test(place.text()) || afterCircumstance(tokens, i)) {
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && adjacent(tokens, j) && LINKING.contains(tokens.get(j).text())) {
                j++;
            }
            if (j < tokens.size() && adjacent(tokens, j)) {
                String noun = tokens.get(j).text();
                if (!PERSONAL.contains(noun) && isServiceNoun.test(noun) && !movedHere(tokens, j + 1)) {
                    asked.add(place.text());
                }
            }
        }
        return asked;
    }

    /** A verb of moving follows in the same stretch of text (up to a space or punctuation). */
    private static boolean movedHere(List<Token> tokens, int from) {
        for (int k = from; k < tokens.size() && adjacent(tokens, k); k++) {
            String word = tokens.get(k).text();
            if (MOVED.stream().anyMatch(word::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /** The word right before the place (in the same stretch of text) is a circumstance word. */
    private static boolean afterCircumstance(List<Token> tokens, int i) {
        return i > 0 && adjacent(tokens, i) && CIRCUMSTANCE.contains(tokens.get(i - 1).text());
    }

    /** Token {@code j} follows token {@code j - 1} with nothing (no space, no punctuation) between them. */
    private static boolean adjacent(List<Token> tokens, int j) {
        return tokens.get(j).start() == tokens.get(j - 1).end();
    }
}
