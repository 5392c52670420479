package org.civicassist.nlp.rewrite;

import org.civicassist.nlp.HanLpRuntime;
import org.civicassist.nlp.segment.Token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Corrects government-service terms typed as homophones (社宝 → 社保, 公机金 → 公积金) using HanLP's pinyin.
 *
 * <p>Conservative by construction, because a wrong correction changes the question:
 * <ul>
 *   <li>only a span the segmenter did not recognise is a candidate: it must contain a character left as a
 *       single-character word, and the span itself must not be a known word (HanLP's core dictionary or ours);</li>
 *   <li>it is corrected only to a term of the domain dictionary of the same length, with the same toneless pinyin,
 *       sharing at least half of its characters in place, and only when exactly one term fits;</li>
 *   <li>only characters the segmenter left as words of their own may change: a character inside a word it
 *       recognised (水务局, 1998年建成) stays, and a span cuts a word only to leave function characters outside;</li>
 *   <li>a dictionary term already typed correctly is left alone: a span never touches one;</li>
 *   <li>numerals and function characters are never taken for typos (一院 stays, 医保吗 stays).</li>
 * </ul>
 * Pinyin is computed only for spans that survive the cheap character filter, so clean text costs one pass.
 */
public final class HomophoneCorrector {

    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 8;

    /** Numerals and function characters: typed on purpose, never taken for a homophone typo. */
    private static final String NOT_TYPOS = "〇零一二三四五六七八九十百千万亿两几第个"
            + "的地得了着过吗嘛么呢吧啊呀哦哈啦嘞呗"
            + "是在有和与及或就都也还又才再很太挺把被给让叫对从向到于为以之其而且并"
            + "这那哪谁啥咋怎什我你您他她它们咱俺自己不没别";

    private final Map<Long, List<Target>> byCharAt = new HashMap<>();
    private final Predicate<String> isKnownWord;
    private final Predicate<String> isTerm;
    private final int maxLength;

    private record Target(String term, List<String> pinyin) {
    }

    /**
     * @param terms       what a span may be corrected to (domain terms and their aliases)
     * @param isKnownWord whether a string is a word in its own right (never corrected)
     */
    public HomophoneCorrector(Collection<String> terms, Predicate<String> isKnownWord) {
        this.isKnownWord = isKnownWord;
        java.util.Set<String> termSet = new java.util.HashSet<>();
        int longest = 0;
        for (String term : terms) {
            if (term.length() < MIN_LENGTH || term.length() > MAX_LENGTH || !allHan(term, 0, term.length())) {
                continue;
            }
            List<String> pinyin = HanLpRuntime.pinyin(term);
            if (pinyin.size() != term.length() || pinyin.contains("none") || !termSet.add(term)) {
                continue;
            }
            Target target = new Target(term, pinyin);
            for (int p = 0; p < term.length(); p++) {
                byCharAt.computeIfAbsent(key(term.length(), p, term.charAt(p)), k -> new ArrayList<>()).add(target);
            }
            longest = Math.max(longest, term.length());
        }
        this.isTerm = termSet::contains;
        this.maxLength = longest;
    }

    /** Corrections for {@code text} segmented as {@code tokens}, left to right, not overlapping. */
    public List<Correction> correct(String text, List<Token> tokens) {
        if (maxLength == 0) {
            return List.of();
        }
        Layout layout = new Layout(text);
        boolean any = false;
        for (Token t : tokens) {
            boolean term = t.length() > 1 && isTerm.test(t.text());
            for (int i = t.start(); i < t.end(); i++) {
                layout.tokenStart[i] = t.start();
                layout.tokenEnd[i] = t.end();
                layout.inTerm[i] = term;
            }
            if (t.length() == 1 && isHan(text.charAt(t.start()))) {
                layout.fragment[t.start()] = true;
                any = true;
            }
        }
        if (!any) {
            return List.of();
        }
        List<Correction> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            Correction c = bestAt(layout, i);
            if (c != null) {
                out.add(c);
                i = c.end();
            } else {
                i++;
            }
        }
        return out;
    }

    /** Where the segmenter put each character. */
    private static final class Layout {
        final String text;
        final int[] tokenStart;
        final int[] tokenEnd;
        final boolean[] fragment; // a character the segmenter left as a word of its own
        final boolean[] inTerm;   // part of a correctly typed dictionary term

        Layout(String text) {
            this.text = text;
            int n = text.length();
            tokenStart = new int[n];
            tokenEnd = new int[n];
            fragment = new boolean[n];
            inTerm = new boolean[n];
            for (int i = 0; i < n; i++) {
                tokenStart[i] = i;
                tokenEnd[i] = i + 1;
            }
        }
    }

    private Correction bestAt(Layout layout, int start) {
        String text = layout.text;
        if (layout.inTerm[start] || !isHan(text.charAt(start))
                || start > 0 && text.charAt(start - 1) >= '0' && text.charAt(start - 1) <= '9') {
            return null; // after a number comes a unit or a date (1989年建成, 3号派位), not a typo
        }
        int limit = Math.min(maxLength, text.length() - start);
        for (int len = limit; len >= MIN_LENGTH; len--) {
            int end = start + len;
            if (!eligibleSpan(layout, start, end)) {
                continue;
            }
            Target only = null;
            boolean ambiguous = false;
            List<String> spanPinyin = null;
            for (Target candidate : sharingHalf(text, start, len)) {
                if (!plausibleTypos(layout, start, candidate.term())) {
                    continue;
                }
                if (spanPinyin == null) {
                    String span = text.substring(start, end);
                    if (isTerm.test(span) || isKnownWord.test(span)) {
                        break;
                    }
                    spanPinyin = HanLpRuntime.pinyin(span);
                }
                if (candidate.pinyin().equals(spanPinyin)) {
                    ambiguous |= only != null;
                    only = candidate;
                }
            }
            if (only != null && !ambiguous) {
                return new Correction(start, end, text.substring(start, end), only.term());
            }
        }
        return null;
    }

    /**
     * All Chinese, touching no correctly typed term, with a character left alone by the segmenter, and cutting a
     * word only to leave function characters outside (我社/宝/卡 gives 社宝卡; 年/建成 never gives 年建).
     */
    private static boolean eligibleSpan(Layout layout, int start, int end) {
        String text = layout.text;
        boolean hasFragment = false;
        for (int i = start; i < end; i++) {
            if (layout.inTerm[i] || !isHan(text.charAt(i))) {
                return false;
            }
            hasFragment |= layout.fragment[i];
        }
        return hasFragment
                && onlyFunctionCharacters(text, layout.tokenStart[start], start)
                && onlyFunctionCharacters(text, end, layout.tokenEnd[end - 1]);
    }

    private static boolean onlyFunctionCharacters(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (NOT_TYPOS.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Only characters the segmenter left as words of their own may change, and never numerals or function words:
     * a character inside a word it recognised (水务局, 建成) was typed on purpose, and so were 一院 and 医保吗.
     */
    private static boolean plausibleTypos(Layout layout, int start, String term) {
        for (int p = 0; p < term.length(); p++) {
            char typed = layout.text.charAt(start + p);
            if (typed != term.charAt(p) && (!layout.fragment[start + p] || NOT_TYPOS.indexOf(typed) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** Terms of length {@code len} sharing at least half their characters (in place) with the span, but not all. */
    private List<Target> sharingHalf(String text, int start, int len) {
        Map<Target, Integer> shared = null;
        for (int p = 0; p < len; p++) {
            List<Target> hits = byCharAt.get(key(len, p, text.charAt(start + p)));
            if (hits == null) {
                continue;
            }
            if (shared == null) {
                shared = new HashMap<>();
            }
            for (Target t : hits) {
                shared.merge(t, 1, Integer::sum);
            }
        }
        if (shared == null) {
            return List.of();
        }
        int needed = (len + 1) / 2;
        List<Target> out = new ArrayList<>();
        shared.forEach((t, n) -> {
            if (n >= needed && n < len) {
                out.add(t);
            }
        });
        return out;
    }

    private static long key(int length, int position, char c) {
        return ((long) length << 40) | ((long) position << 32) | c;
    }

    private static boolean allHan(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isHan(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
