package org.civicassist.nlp.intent;

import java.util.regex.Pattern;

/**
 * Whether a message is put as a question or a request (rather than only telling something): Mandarin interrogative
 * words (什么, 怎么, 哪, 几, 多少, 谁 …), the A-not-A form (能不能, 要不要, 是不是, 可以不), sentence-final question
 * particles (吗, 么, 呢, 不 or 没 at the end: 能报不, 办好了没) and a question mark; or a request (请, 帮我, 想 + a verb, 我要, 需要).
 * Works on normalised text (simplified, half-width). This is grammar, not vocabulary of any service: a message
 * without it tells the citizen's situation (我在外地上班 社保一直在江州交), which the dialogue keeps as context.
 */
public final class QuestionForm {

    private static final String QUESTION = "[?？]"
            + "|什么|啥|怎么|咋|怎样|如何|哪|几|多少|多久|多长|多大|谁|为何|为什么|干嘛|是否|有无"
            + "|(.)[不没]\\1"                       // A-not-A: 能不能, 要不要, 有没有, 是不是
            + "|可以不|行不|能不|好不|成不|对不|是不"       // A-not (clipped A-not-A)
            + "|[吗嘛么呢吧不没][\\s.。!！~～]*$"          // final particles (能报不, 办了没)
            + "|[吗嘛呢][\\s,，.。!！]";
    private static final Pattern QUESTIONS = Pattern.compile(QUESTION);
    private static final Pattern ASKS = Pattern.compile(QUESTION
            + "|^请|请问|帮我|帮忙|麻烦|想|我要|需要|我得|要办|咨询");

    /**
     * The grammar of telling a situation: someone it is about (我, 他, 咱, 孩子, 爸妈, 老公 …), a state or a change (了,
     * 没, 在, 刚, 已经), or a number (两个多月, 2020年, 六年). Closed classes of words, not any service's vocabulary.
     */
    private static final Pattern TELLS = Pattern.compile(
            "[我你您他她咱俺]|孩子|娃|[爸妈爹娘爷奶姥]|儿子|女儿|闺女|老公|老婆|媳妇|丈夫|妻子|父母|家里|老人"
                    + "|[了没在刚]|已经"
                    + "|\\d|[一二两三四五六七八九十几半][个年月天岁周次]");

    private QuestionForm() {
    }

    /**
     * True when the text has the grammar of telling a situation (see {@link #TELLS}): 我在外地上班, 怀孕两个多月了. A
     * short message with none of it and no question or request form (开收入证明, 电车上牌) names what it wants.
     */
    public static boolean tells(String normalized) {
        return TELLS.matcher(normalized).find();
    }

    /** True when the text asks something or requests something. */
    public static boolean asks(String normalized) {
        return ASKS.matcher(normalized).find();
    }

    /**
     * True when the text is put as a question (how, where, when, whether …), not only as a request: 我想离婚 requests
     * a service, 养老金每个月几号到 asks something of it.
     */
    public static boolean questions(String normalized) {
        return QUESTIONS.matcher(normalized).find();
    }
}
