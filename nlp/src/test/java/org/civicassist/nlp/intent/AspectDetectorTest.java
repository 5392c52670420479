package org.civicassist.nlp.intent;

import org.civicassist.nlp.ChineseNlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AspectDetectorTest {

    private static final ChineseNlp NLP = ChineseNlp.bundled();

    private static Optional<Aspect> aspect(String question) {
        return NLP.understander().understand(question).aspect();
    }

    @ParameterizedTest
    @CsvSource({
            "护照加急要多久, TIME_LIMIT",
            "退税钱啥时候到账, TIME_LIMIT",
            "补办社保卡要带啥, MATERIALS",
            "公积金提取需要什么材料, MATERIALS",
            "换驾照收不收钱, FEES",
            "补个身份证得花几个钱, FEES",
            "政务服务中心周六上班吗, PLACE_AND_HOURS",
            "居住证在哪办, PLACE_AND_HOURS",
            "低保申请条件是什么, CONDITIONS",
            "什么样的人能领高龄津贴, CONDITIONS",
            "谁可以申请公租房, CONDITIONS",
            "几岁可以自己办护照, CONDITIONS",
            "外地户口能在这边办残疾证吗, ELIGIBILITY",
            "社保卡丢了咋补, PROCESS",
            "公积金贷款流程, PROCESS",
            "能在手机上办吗, ONLINE",
            "江州办app能交医保吗, ONLINE",
            "公积金中心电话多少, CONTACT",
            "灵活就业是什么意思, OVERVIEW",
            "居住证办理进度怎么查, PROGRESS",
            "护照申请到哪一步了, PROGRESS",
            "残疾证办好了没, PROGRESS",
            "网上能看到审核进度到哪了吗, PROGRESS",
    })
    void should_detect_the_aspect_asked_about(String question, Aspect expected) {
        assertThat(aspect(question)).contains(expected);
    }

    @Test
    void should_prefer_the_aspect_cued_last() {
        assertThat(aspect("社保卡丢了咋补 能当天拿到不")).contains(Aspect.TIME_LIMIT);
        assertThat(aspect("要多久 要带什么材料")).contains(Aspect.MATERIALS);
    }

    @Test
    void should_read_a_time_question_about_delivery_as_the_time_it_takes() {
        assertThat(aspect("换好的证件几天能寄到家")).contains(Aspect.TIME_LIMIT);
        assertThat(aspect("材料交了以后多长时间能收到")).contains(Aspect.TIME_LIMIT);
        // without a question of time, delivery by mail is still how it is done
        assertThat(aspect("新证能寄到家吗")).contains(Aspect.ONLINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"社保卡", "你好", "我老家是安徽的"})
    void should_detect_no_aspect_without_a_cue(String question) {
        assertThat(aspect(question)).isEmpty();
    }

    @Test
    void should_tell_a_word_that_is_a_whole_cue_from_one_that_only_contains_or_lacks_one() {
        AspectDetector detector = new AspectDetector();
        assertThat(detector.isCue("工本费")).isTrue();
        assertThat(detector.isCue("多久")).isTrue();
        assertThat(detector.isCue("工本")).isFalse();
        assertThat(detector.isCue("社保卡")).isFalse();
        assertThat(detector.isCue("补办工本费")).isFalse();
    }

    @Test
    void should_accept_literal_cues_in_code() {
        AspectDetector detector = new AspectDetector(Map.of(Aspect.FEES, List.of("几毛钱")));
        assertThat(detector.detect("要几毛钱")).contains(Aspect.FEES);
        assertThat(detector.detect("要多久")).isEmpty();
    }

    @Test
    void should_load_the_bundled_cues_with_the_default_constructor() {
        assertThat(new AspectDetector().detect("需要带什么材料")).contains(Aspect.MATERIALS);
    }
}
