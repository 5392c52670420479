package org.civicassist.nlp.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of an address that finds a home, in normalised text: the house number and everything below it, as a
 * chain of numbered parts (18号 3栋 2单元 501, 十八号, 3-2-501, 三组12号, 123弄4号). What a service question needs
 * stays: the city, the district, the road, the community or village name (幸福路18号3栋2单元501 → 幸福路 + the chain).
 *
 * <p>Numbered things are everywhere in service text (3号窗口, 5号线, 第2号文件, 3月18号, 市民中心1号楼大厅, 2号楼3层),
 * so a chain is taken for an address only when it cannot be a place one goes to for a service:
 * <ul>
 *   <li>it reaches a home: a unit (单元), a room or household (室, 户, a 3–4 digit number) in a building or house
 *   (5栋501, 18号302室; 3楼305室 alone may be an office), 3-2-501 after a road or community, or a house number in a
 *   village group (三组12号); or</li>
 *   <li>it has two numbered parts right after a road, lane, community or village (幸福路18号3栋, 阳光小区2号楼3层); or</li>
 *   <li>the citizen says it is theirs (我家, 住在, 地址, 家住, 寄到 … shortly before) and it follows a road, community or
 *   village, or names a building, courtyard or group (我家在幸福路18号, 住在7号院, 家住18栋).</li>
 * </ul>
 * A number followed by 窗口, 线, 文件, 站 … is no house number and ends the chain; one after 第 or 月 is no part of one.
 */
final class AddressDetector {

    private static final String CN_DIGITS = "零〇一二三四五六七八九十百两";

    private enum Part {
        HOUSE, BUILDING, COURTYARD, LANE, UNIT, FLOOR, ROOM, GROUP
    }

    /** Numbered part suffixes, longest first. */
    private static final String[][] SUFFIXES = {
            {"号楼", "BUILDING"}, {"号院", "COURTYARD"}, {"单元", "UNIT"}, {"栋", "BUILDING"}, {"幢", "BUILDING"},
            {"座", "BUILDING"}, {"弄", "LANE"}, {"层", "FLOOR"}, {"楼", "FLOOR"}, {"室", "ROOM"}, {"户", "ROOM"},
            {"房", "ROOM"}, {"组", "GROUP"}, {"号", "HOUSE"}};
    /** After these a numbered 号 is a window, a line, a document, a stop …, not a house. */
    private static final Pattern NOT_A_HOUSE = Pattern.compile(
            "(?:线|窗|文|站|口|台|柜|通道|机|车|厅|令|码|字|键|位|床|点|门诊|楼梯|电梯|入口|出口|线路|公交)");
    /** Roads, lanes, communities and villages: a numbered chain right after one of these is in an address. */
    private static final Pattern ANCHOR = Pattern.compile(
            "(?:(?<![知通渠频轨难味地])道|路|街|巷|弄|胡同|里|村|屯|庄|小区|花园|家园|苑|公寓|新村|社区|宿舍)$");
    private static final Pattern CUE = Pattern.compile(
            "我家|我们家|家里|家住|家在|住在|住的|住址|地址|我住|居住|住处|户籍|户口在|房子在|寄到|寄给|送到|收件|邮寄|搬到");
    /** How far before a chain a cue may stand. */
    private static final int CUE_WINDOW = 20;
    private static final Pattern HYPHENATED = Pattern.compile("[0-9]{1,4}(?:-[0-9]{1,4}){2,3}(?![0-9-])");
    /** A number after a building that counts something else: 2号楼3层 2024年, 5栋300元. */
    private static final Pattern NOT_A_ROOM = Pattern.compile("[年月日天元块个人次岁米平万千百分秒克斤里%]");
    private static final Pattern BARE_ROOM = Pattern.compile(
            "(?:[0-9]{3,4}(?![0-9])|[零〇一二三四五六七八九]{3,4}(?![零〇一二三四五六七八九十]))(?:室|房|号)?");

    void find(String text, List<PiiMatch> out) {
        int i = 0;
        while (i < text.length()) {
            if (startsNumber(text, i)) {
                int end = chain(text, i);
                if (end > i) {
                    out.add(new PiiMatch(PiiKind.ADDRESS, i, end));
                    i = end;
                    continue;
                }
                i = skipNumber(text, i);
            } else {
                i++;
            }
        }
    }

    /** Where the address chain starting at {@code start} ends, or {@code start} when there is none. */
    private static int chain(String text, int start) {
        if (start > 0 && (text.charAt(start - 1) == '第' || text.charAt(start - 1) == '月')) {
            return start;
        }
        boolean cued = CUE.matcher(text.substring(Math.max(0, start - CUE_WINDOW), start)).find();
        boolean anchored = ANCHOR.matcher(text.substring(Math.max(0, start - 3), start).trim()).find();
        int at = start;
        int parts = 0;
        boolean home = false;
        boolean room = false;
        boolean named = false; // a building, courtyard, group or lane: a place one lives in
        boolean house = false;
        Part previous = null;
        while (at < text.length()) {
            int p = parts > 0 && text.charAt(at) == ' ' ? at + 1 : at; // 3栋 2单元 501
            Matcher hyphen = HYPHENATED.matcher(text).region(p, text.length());
            if (isDigit(text, p) && (anchored || cued || parts > 0) && hyphen.lookingAt()) {
                at = hyphen.end() < text.length() && text.charAt(hyphen.end()) == '号' ? hyphen.end() + 1
                        : hyphen.end();
                parts++;
                home = true;
                break;
            }
            if (previous != null && previous != Part.ROOM && previous != Part.GROUP && startsNumber(text, p)) {
                Matcher bare = BARE_ROOM.matcher(text).region(p, text.length());
                if (bare.lookingAt() && !followedByPart(text, skipNumber(text, p))
                        && !NOT_A_ROOM.matcher(text).region(bare.end(), text.length()).lookingAt()) {
                    at = bare.end();
                    parts++;
                    room = true;
                    break;
                }
            }
            if (!startsNumber(text, p)) {
                break;
            }
            int numberEnd = skipNumber(text, p);
            Part part = null;
            int partEnd = numberEnd;
            for (String[] suffix : SUFFIXES) {
                if (text.startsWith(suffix[0], numberEnd)) {
                    part = Part.valueOf(suffix[1]);
                    partEnd = numberEnd + suffix[0].length();
                    break;
                }
            }
            if (part == null || NOT_A_HOUSE.matcher(text).region(partEnd, text.length()).lookingAt()) {
                break;
            }
            home |= part == Part.UNIT || part == Part.HOUSE && previous == Part.GROUP; // 三组12号
            room |= part == Part.ROOM;
            named |= part == Part.BUILDING || part == Part.COURTYARD || part == Part.GROUP || part == Part.LANE;
            house |= part == Part.HOUSE;
            at = partEnd;
            parts++;
            previous = part;
        }
        if (parts == 0) {
            return start;
        }
        // a room alone with a floor is as likely an office (社保中心3楼305室)
        home |= room && (named || house || anchored || cued);
        boolean address = home || anchored && parts >= 2 || cued && (anchored || named);
        return address ? at : start;
    }

    private static boolean followedByPart(String text, int at) {
        for (String[] s : SUFFIXES) {
            if (text.startsWith(s[0], at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsNumber(String text, int i) {
        if (i >= text.length() || !isNumeral(text.charAt(i))) {
            return false;
        }
        return i == 0 || !isNumeral(text.charAt(i - 1));
    }

    private static int skipNumber(String text, int i) {
        boolean digits = isDigit(text, i);
        while (i < text.length() && (digits ? isDigit(text, i) : CN_DIGITS.indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        return i;
    }

    private static boolean isNumeral(char c) {
        return c >= '0' && c <= '9' || CN_DIGITS.indexOf(c) >= 0;
    }

    private static boolean isDigit(String text, int i) {
        return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }
}
