package org.civicassist.assistant.llm;

/** Reads Chinese numerals as written in service guides (十五, 二十, 一百零五, 两万, 二〇二四) as a number. */
final class ChineseNumerals {

    static final String CHARS = "零〇一二两三四五六七八九十百千万";

    private ChineseNumerals() {
    }

    /** The value of a run of {@link #CHARS}. */
    static long parse(String numeral) {
        if (numeral.chars().noneMatch(c -> c == '十' || c == '百' || c == '千' || c == '万')) {
            // digit by digit, as in years: 二〇二四
            long v = 0;
            for (int i = 0; i < numeral.length(); i++) {
                v = v * 10 + digit(numeral.charAt(i));
            }
            return v;
        }
        long total = 0;
        long section = 0;
        long number = 0;
        for (int i = 0; i < numeral.length(); i++) {
            char c = numeral.charAt(i);
            switch (c) {
                case '十', '百', '千' -> {
                    long unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                    section += (number == 0 ? 1 : number) * unit;
                    number = 0;
                }
                case '万' -> {
                    total += (section + number) * 10_000;
                    section = 0;
                    number = 0;
                }
                default -> number = digit(c);
            }
        }
        return total + section + number;
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> throw new IllegalArgumentException("not a Chinese digit: " + c);
        };
    }
}
