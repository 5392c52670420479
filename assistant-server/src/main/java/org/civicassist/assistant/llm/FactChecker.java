package org.civicassist.assistant.llm;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that what a written answer states as fact is what its sources say: every amount, time limit, count, age
 * or percentage (a number with its unit), date, clock time, phone number, quoted or 《》 document name, and any
 * claim that something is free, must occur in the source text. Both sides are normalised first — full-width
 * characters, spaces, thousands separators, and Chinese numerals before a unit (十五个工作日 = 15个工作日) — so a
 * faithful restatement passes and a changed figure does not.
 */
public final class FactChecker {

    /** Units that make a number a fact; longer alternatives first. */
    private static final String UNITS = "个工作日|工作日|个自然日|自然日|个小时|小时|分钟|个月|周岁|万元|元|块钱|天|日|月|年|周"
            + "|岁|%|份|张|寸|次|公里|平方米|米|公斤|千克";
    private static final Pattern CHINESE_NUMBER_WITH_UNIT = Pattern.compile(
            "[" + ChineseNumerals.CHARS + "]+(?=" + UNITS + ")");
    private static final Pattern AMOUNT = Pattern.compile(
            "(?<![\\d.])\\d+(?:\\.\\d+)?(?:[-~至到]\\d+(?:\\.\\d+)?)?(?:" + UNITS + ")");
    private static final Pattern DATE = Pattern.compile(
            "\\d{4}年\\d{1,2}月(?:\\d{1,2}日)?|\\d{1,2}月\\d{1,2}日|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}");
    private static final Pattern CLOCK = Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}(?!\\d)");
    /** Phone numbers and other long numbers (hotlines, postcodes): digits and hyphens with five digits or more. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\d-])\\d[\\d-]{3,}\\d(?![\\d-])");
    private static final Pattern QUOTED = Pattern.compile("《([^《》]{1,60})》|“([^“”]{1,60})”|\"([^\"]{1,60})\""
            + "|「([^「」]{1,60})」|『([^『』]{1,60})』");
    private static final List<String> FREE = List.of("免费", "不收费", "不收取", "无需缴费", "无需付费", "不用交钱", "不要钱",
            "零收费", "无收费");
    private static final String FREE_FACT = "免费";

    private FactChecker() {
    }

    /** Full-width to ASCII, no whitespace, no thousands separators, Chinese numerals before units as digits. */
    public static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("\\s+", "")
                .replaceAll("[－—–﹣‐]", "-")
                .replaceAll("[～〜]", "~")
                .replaceAll("(?<=\\d),(?=\\d{3}(?!\\d))", "");
        Matcher m = CHINESE_NUMBER_WITH_UNIT.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Long.toString(ChineseNumerals.parse(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The facts the text states, normalised, in order of appearance, each once. */
    public static List<String> facts(String text) {
        String s = normalize(text);
        Set<String> out = new LinkedHashSet<>();
        for (Pattern p : List.of(AMOUNT, DATE, CLOCK, LONG_NUMBER)) {
            Matcher m = p.matcher(s);
            while (m.find()) {
                if (p != LONG_NUMBER || m.group().chars().filter(Character::isDigit).count() >= 5) {
                    out.add(m.group());
                }
            }
        }
        Matcher q = QUOTED.matcher(s);
        while (q.find()) {
            out.add(q.group());
        }
        if (FREE.stream().anyMatch(s::contains)) {
            out.add(FREE_FACT);
        }
        return List.copyOf(out);
    }

    /** The facts of {@code text} that none of {@code sources} states; empty when the text is grounded. */
    public static List<String> unsupported(String text, Collection<String> sources) {
        List<String> normalizedSources = sources.stream().map(FactChecker::normalize).toList();
        List<String> out = new ArrayList<>();
        for (String fact : facts(text)) {
            if (normalizedSources.stream().noneMatch(source -> states(source, fact))) {
                out.add(fact);
            }
        }
        return out;
    }

    private static boolean states(String source, String fact) {
        if (fact.equals(FREE_FACT)) {
            return FREE.stream().anyMatch(source::contains);
        }
        Matcher quoted = QUOTED.matcher(fact);
        if (quoted.matches()) {
            // the name itself, whether or not the source quotes it
            for (int g = 1; g <= quoted.groupCount(); g++) {
                if (quoted.group(g) != null) {
                    return source.contains(quoted.group(g));
                }
            }
        }
        // whole numbers only: 5个工作日 is not stated by 15个工作日, nor 0元 by 20元
        boolean numeric = Character.isDigit(fact.charAt(0));
        boolean endsInDigit = Character.isDigit(fact.charAt(fact.length() - 1));
        String regex = (numeric ? "(?<![\\d.])" : "") + Pattern.quote(fact) + (endsInDigit ? "(?![\\d])" : "");
        return Pattern.compile(regex).matcher(source).find();
    }
}
