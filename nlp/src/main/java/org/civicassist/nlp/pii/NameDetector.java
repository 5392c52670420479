package org.civicassist.nlp.pii;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import org.civicassist.nlp.HanLpRuntime;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal names in normalised text, only where the citizen introduces one: after 我叫, 名字叫, 姓名, 联系人, 我爸叫,
 * 孩子叫 … (a name follows almost always) or after 我是, 本人 (a name follows sometimes: 我是外地户口, 我是退休职工,
 * 本人在江州上班). A name is a common surname (single or compound) and one or two more characters that are no
 * function word, verb or place suffix (我叫李明在江州上班 → 李明). After 我是 / 本人 HanLP's person-name recognition must
 * agree as well, and the name must not be an ordinary word (马上) nor a place (我是江州人, 我是张家港的). A surname
 * alone (我姓王, 我是李女士) is not masked.
 */
final class NameDetector {

    private static final Pattern STRONG_CUE = Pattern.compile(
            "(?:我叫|我名叫|名字叫|名字是|名叫|姓名是|姓名|联系人是|联系人|申请人是|申请人|收件人|户主是|户主"
                    + "|(?:爸|妈|父亲|母亲|老公|老婆|爱人|丈夫|妻子|儿子|女儿|孩子|小孩|爷爷|奶奶|外公|外婆|姥姥|姥爷"
                    + "|哥哥|姐姐|弟弟|妹妹|哥|姐|弟|妹)叫)(?:做)?[:： ]{0,2}");
    private static final Pattern WEAK_CUE = Pattern.compile("(?:我是|本人是|本人)[:： ]{0,2}");

    private static final String COMPOUND_SURNAMES =
            "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 长孙 宇文 司徒 端木 南宫 独孤 西门 轩辕 呼延";
    private static final String SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
                    + "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向"
                    + "汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
                    + "单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦"
                    + "褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明"
                    + "佘池查麻苑迟邝";
    /** Characters that end a name: function words, common verbs, time words, place suffixes. */
    private static final String NOT_IN_A_NAME =
            "的了在是我你他她它们想要来去和跟与说办补换领交查问申开有没不也都就还从到给被把让今年岁男女老,，。.!！?？"
                    + "已现刚这那哪什怎么吗呢吧啊呀嘛个家住需能可会请帮麻因所但而或及等上下里中月日号身电手户社医学工退"
                    + "单公对为以将之其每各该如若虽正又再才只很太最更比人市区县镇乡村省州籍、;；:：";
    private static final String[] TITLES = {
            "先生", "女士", "小姐", "老师", "阿姨", "师傅", "大爷", "大妈", "同学", "经理", "主任", "医生", "同志", "总"};
    /** After a name, these make it a place or an origin: 江州人, 张家港市, 黄埔区. */
    private static final String PLACE_AFTER = "人市区县镇乡村省籍州港";
    private static final int MAX_GIVEN = 2;
    private static final Pattern RELATIVE = Pattern.compile(
            "妈|爸|母亲|父亲|家|儿子|女儿|孩子|爱人|老公|老婆|丈夫|妻子|亲属|代理人|朋友|同事|哥|姐|弟|妹|爷爷|奶奶|孙|监护人");
    /** What may follow a name after 我是 / 本人. */
    private static final String WEAK_FOLLOWERS = "，,。.!！?？ 、;；:：的想要今在身家我有办问申已去来从因现需能";

    private final Segment segment;

    NameDetector() {
        HanLpRuntime.configure();
        this.segment = new ViterbiSegment()
                .enableCustomDictionary(false)
                .enableOffset(true)
                .enablePartOfSpeechTagging(true)
                .enableNameRecognize(true)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false)
                .enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false)
                .enableNumberQuantifierRecognize(false);
    }

    void find(String text, List<PiiMatch> out) {
        find(text, STRONG_CUE, true, out);
        find(text, WEAK_CUE, false, out);
    }

    private void find(String text, Pattern cues, boolean strong, List<PiiMatch> out) {
        Matcher cue = cues.matcher(text);
        while (cue.find()) {
            int start = cue.end();
            int end = strong ? afterStrongCue(text, start) : afterWeakCue(text, cue.start(), start);
            if (end > start) {
                out.add(new PiiMatch(PiiKind.NAME, start, end));
            }
        }
    }

    /** The end of the name at {@code start}: surname, then given characters up to one that ends a name. */
    private int afterStrongCue(String text, int start) {
        int surname = surnameLength(text, start);
        if (surname == 0) {
            return start;
        }
        int given = 0;
        while (given < MAX_GIVEN && start + surname + given < text.length()
                && isNameChar(text.charAt(start + surname + given))) {
            given++;
        }
        int end = start + surname + given;
        if (given == 0 || isTitle(text, start + surname) || isPlace(text, end)) {
            return start;
        }
        List<Term> terms = segment.seg(text.substring(start, Math.min(text.length(), end + 4)));
        if (surname == 1 && terms.size() >= 2 && terms.get(0).length() == 1 && !isPerson(terms.get(0))
                && terms.get(1).length() >= 2 && CoreDictionary.contains(terms.get(1).word)) {
            return start; // 我叫车过去: 车 / 过去, a thing and a word
        }
        if (given == MAX_GIVEN) {
            // 李明明天去办: HanLP reads 李明 / 明天, a name and a word
            if (terms.size() >= 2 && isPerson(terms.get(0)) && terms.get(0).length() == surname + 1
                    && terms.get(1).length() >= 2 && !isPerson(terms.get(1)) && CoreDictionary.contains(terms.get(1).word)) {
                return start + surname + 1;
            }
        }
        return end;
    }

    /** After 我是 / 本人 the name must be one for HanLP too, and no ordinary word. */
    private int afterWeakCue(String text, int cueStart, int start) {
        int surname = surnameLength(text, start);
        if (surname == 0) {
            return start;
        }
        int window = Math.min(text.length(), start + surname + MAX_GIVEN + 4);
        List<Term> terms = segment.seg(text.substring(cueStart, window));
        int offset = cueStart;
        int length = 0;
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            int at = offset + t.offset;
            if (at < start) {
                continue;
            }
            if (at > start) {
                break;
            }
            if (!isPerson(t)) {
                return start;
            }
            length = t.length();
            if (length == surname && i + 1 < terms.size() && isPerson(terms.get(i + 1))) {
                length += terms.get(i + 1).length(); // 刘 / 芳芳
            }
        }
        int end = start + length;
        if (length <= surname || length > surname + MAX_GIVEN || isTitle(text, start + surname) || isPlace(text, end)) {
            return start;
        }
        for (int i = start + surname; i < end; i++) {
            if (!isNameChar(text.charAt(i))) {
                return start;
            }
        }
        if (end < text.length() && (WEAK_FOLLOWERS.indexOf(text.charAt(end)) < 0
                || text.charAt(end) == '的' && !RELATIVE.matcher(text).region(end + 1, text.length()).lookingAt())) {
            return start; // 我是全职妈妈, 我是金华的: after 我是 a name ends the clause, goes on with 想, 今年 …, or 的妈妈
        }
        String name = text.substring(start, end);
        CoreDictionary.Attribute attribute = CoreDictionary.get(name);
        if (attribute != null && !hasPersonNature(attribute) || HanLpRuntime.isPlaceName(name)) {
            return start; // 马上, 高龄, 金华
        }
        return end;
    }

    private static int surnameLength(String text, int at) {
        if (at + 2 <= text.length() && COMPOUND_SURNAMES.contains(text.substring(at, at + 2))
                && text.substring(at, at + 2).indexOf(' ') < 0) {
            return 2;
        }
        return at < text.length() && SURNAMES.indexOf(text.charAt(at)) >= 0 ? 1 : 0;
    }

    private static boolean isNameChar(char c) {
        return c >= '\u4e00' && c <= '\u9fff' && NOT_IN_A_NAME.indexOf(c) < 0;
    }

    private static boolean isTitle(String text, int at) {
        for (String title : TITLES) {
            if (text.startsWith(title, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlace(String text, int end) {
        return PLACE_AFTER.indexOf(text.charAt(end - 1)) >= 0
                || end < text.length() && PLACE_AFTER.indexOf(text.charAt(end)) >= 0;
    }

    private static boolean isPerson(Term t) {
        return t.nature != null && t.nature.startsWith("nr");
    }

    private static boolean hasPersonNature(CoreDictionary.Attribute attribute) {
        for (var nature : attribute.nature) {
            if (nature != null && nature.startsWith("nr")) {
                return true;
            }
        }
        return false;
    }
}
