package org.civicassist.nlp.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixed-line numbers in normalised text. With an area code (0 and two or three digits, not 00) set apart by a hyphen,
 * a space or parentheses, a 7- or 8-digit local number starting 2–9 is a landline wherever it stands: 0571-87654321,
 * (010)65123456, 0755 8765432. Written without a separator (057187654321), or without an area code (86128002,
 * 8612-8002), it is one only right after a cue (电话, 座机, 固话, 号码, 打 …): a bare 8-digit number is as often a
 * date or an amount. Service numbers are too short (12345, 110) or start otherwise (400-…, 95598); an invalid area
 * code (0000-86128002) is no landline.
 */
final class LandlineDetector {

    private static final String LOCAL = "[2-9][0-9]{6,7}|[2-9][0-9]{2,3}[- ][0-9]{4}";
    /** Not followed by more digits, nor by another group of them (a longer grouped number is something else). */
    private static final String END = "(?![0-9]|[- ][0-9])";
    private static final Pattern WITH_AREA_CODE = Pattern.compile(
            "(?<![0-9+\\-])(?<![0-9][- ])(?:\\(0[1-9][0-9]{1,2}\\) ?|0[1-9][0-9]{1,2}[- ])(?:" + LOCAL + ")" + END);
    private static final Pattern CUE = Pattern.compile("(?:电话|座机|固话|号码|联系方式|打)(?:号码|是|为)?[:：]? ?");
    private static final Pattern AFTER_CUE = Pattern.compile(
            "(?<![0-9+\\-])(?<![0-9][- ])(?:0[1-9][0-9]{9,10}|" + LOCAL + ")" + END);

    void find(String text, List<PiiMatch> out) {
        Matcher m = WITH_AREA_CODE.matcher(text);
        while (m.find()) {
            out.add(new PiiMatch(PiiKind.LANDLINE, m.start(), m.end()));
        }
        Matcher cue = CUE.matcher(text);
        Matcher number = AFTER_CUE.matcher(text);
        while (cue.find()) {
            number.region(cue.end(), text.length());
            number.useTransparentBounds(true).useAnchoringBounds(false);
            if (number.lookingAt()) {
                out.add(new PiiMatch(PiiKind.LANDLINE, number.start(), number.end()));
            }
        }
    }
}
