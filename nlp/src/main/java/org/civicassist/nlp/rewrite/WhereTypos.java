package org.civicassist.nlp.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 那 typed for 哪 where a citizen asks where to go: both are "na" to a pinyin keyboard, and 在那办 / 去那里交 closing a
 * question asks 在哪办 / 去哪里交. Left uncorrected the question reads as a statement and loses what it asks (the place).
 * Only that closing shape is corrected: 在/去/到 + 那(里|儿) + a service verb and the end of the clause, or a question
 * mark; without either it is as often a statement (车一直停在那儿，). 那 opening a follow-up (那去哪办), 那个 / 那边 /
 * 那些 (which point at something), and 那 followed by more words (现在那里能办吗) stay.
 */
public final class WhereTypos {

    private static final Pattern CLOSING_WHERE = Pattern.compile("(?<=[在去到])那(?=[里儿]?(?:"
            + "(?:办理|办|交|缴|领取|领|补办|补|申请|报名|开|弄|拿|取|查|考|换|登记|预约|提取|签)[啊呀呢嘞]?(?:[，,。.？?！!；;\\s]|$)"
            + "|[啊呀呢嘞]?[？?]))");

    private WhereTypos() {
    }

    /** The corrections of {@code text}, in order (each one character, 那 → 哪). */
    public static List<Correction> find(String text) {
        List<Correction> out = new ArrayList<>();
        Matcher m = CLOSING_WHERE.matcher(text);
        while (m.find()) {
            out.add(new Correction(m.start(), m.end(), "那", "哪"));
        }
        return out;
    }
}
