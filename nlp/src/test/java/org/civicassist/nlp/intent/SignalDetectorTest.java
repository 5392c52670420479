package org.civicassist.nlp.intent;

import org.civicassist.nlp.ChineseNlp;
import org.civicassist.nlp.lexicon.SourceLine;
import org.civicassist.nlp.lexicon.WordListFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each signal of the bundled cue families, with messages that must and must not raise it. */
class SignalDetectorTest {

    private static final ChineseNlp NLP = ChineseNlp.bundled();
    private static final Set<Signal> HANDOFF =
            EnumSet.of(Signal.HUMAN_REQUEST, Signal.COMPLAINT, Signal.ANGER, Signal.URGENT_HELP);

    private static Set<Signal> signals(String text) {
        return NLP.understander().understand(text).signals();
    }

    @ParameterizedTest
    @ValueSource(strings = {"转人工", "我要人工客服", "能不能让真人来回答", "别让机器人回了 给我找个工作人员",
            "叫你们负责人出来", "你们领导电话多少 我找他", "你这机器人什么都听不懂", "说了半天一点用没有", "找个人帮我处理一下",
            "能不能让个活人跟我说话", "我不想跟AI聊", "麻烦帮我接通人工", "我要见你们局长"})
    void should_raise_human_request(String text) {
        assertThat(signals(text)).contains(Signal.HUMAN_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"不用转人工 我自己看看", "人工智能培训有补贴吗", "单位负责人要签字吗", "找工作有什么补贴",
            "机器人编程班能用消费券吗", "代办人需要带什么", "叫什么名字的窗口办社保", "人工授精的费用医保能报吗",
            "我是残疾人 能不能请工作人员上门办", "负责人变更要什么材料"})
    void should_not_raise_human_request(String text) {
        assertThat(signals(text)).doesNotContain(Signal.HUMAN_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"窗口的人态度太差了 我要投诉", "你们就是乱收费", "工作人员一直刁难我", "反映了多次都没人管",
            "说好退款 至今未退", "材料交了三次还是不给办 到底管不管", "楼下烧烤店噪音太大 晚上吵得睡不着",
            "窗口工作人员骂人 什么素质", "你们能不能管管", "公司拖欠工资三个月了", "街道那个办事员成心为难我",
            "工地每天凌晨还在施工 噪音严重影响休息", "物业擅自把绿地改成了停车位", "打了好几次电话都没人接听",
            "说好三个月办完 至今仍未办理", "请有关部门尽快介入调查", "他们互相推诿 谁也不管", "希望还我们一个公道",
            "健身房关门了 交的押金一直不退", "新楼就是豆腐渣工程", "希望街道领导出面协调一下"})
    void should_raise_complaint(String text) {
        assertThat(signals(text)).contains(Signal.COMPLAINT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"投诉电话是多少", "在哪里投诉噪音", "医保管不管牙齿矫正", "收费标准是什么", "态度好的窗口在哪",
            "我打过12345投诉过 一般多久答复", "社保多交了能退费吗", "我想投诉的话打哪个电话",
            "拖欠的养老保险能补交吗", "社保断缴导致无法办理居住证怎么办", "公积金一直没到账 怎么查进度",
            "滞纳金是不是会多收钱", "请领导解答一下落户政策", "有哪些求助渠道", "噪音扰民找哪个部门",
            "社保交了15年了还不能领养老金吗", "身份证坏了一直没换 还能用吗", "求助 社保卡怎么激活", "这是什么事项"})
    void should_not_raise_complaint(String text) {
        assertThat(signals(text)).doesNotContain(Signal.COMPLAINT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"气死我了", "凭什么不给我办", "你们太过分了", "真是岂有此理", "受够了", "三番五次让我补材料 耍我玩呢",
            "这种做法简直不可理喻", "出了事谁来负责"})
    void should_raise_anger(String text) {
        assertThat(signals(text)).contains(Signal.ANGER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"凭什么证件可以领取", "公积金凭什么材料提取", "生气的时候血压高能报销吗", "要带什么东西",
            "不满18周岁能办护照吗", "社保交了不满一年能转吗"})
    void should_not_raise_anger(String text) {
        assertThat(signals(text)).doesNotContain(Signal.ANGER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"求求你们帮帮我", "我快急疯了", "我的公积金被人冒领了", "我被骗了五万块", "急急急 怎么办",
            "我前夫一喝醉了就打我", "男朋友动手打我还威胁我", "孩子升学的事我心急如焚"})
    void should_raise_urgent_help(String text) {
        assertThat(signals(text)).contains(Signal.URGENT_HELP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"家里急用钱 公积金能提吗", "公积金能取出来救救急吗", "临时救助多久能批", "如何防止被骗",
            "交不起医保怎么办", "帮忙看看要带什么", "如何预防电信诈骗", "非常着急 护照加急多久能办好"})
    void should_not_raise_urgent_help(String text) {
        assertThat(signals(text)).doesNotContain(Signal.URGENT_HELP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"帮我查查我的公积金余额还有多少", "给我查一下我爸的养老金到账没", "你帮我算一下我今年能退多少税",
            "麻烦你查下我们单位社保交到几月了", "帮忙查一下俺家的补贴批了没"})
    void should_raise_own_record_when_asked_to_look_up_or_work_out_the_citizens_own_records(String text) {
        assertThat(signals(text)).contains(Signal.OWN_RECORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"怎么查公积金余额", "我想查一下养老金到账没有 在哪查", "帮我看看要带什么",
            "帮我查一下补办社保卡要什么材料", "退税能退多少是怎么算的", "单位能帮我们统一办汇算吗 我要准备啥"})
    void should_not_raise_own_record_for_questions_about_how_to_look_up(String text) {
        assertThat(signals(text)).doesNotContain(Signal.OWN_RECORD);
    }

    @Test
    void should_raise_fire_medical_and_police_emergencies() {
        assertThat(signals("楼下着火了 好大的烟")).contains(Signal.EMERGENCY_FIRE);
        assertThat(signals("我家煤气泄漏了")).contains(Signal.EMERGENCY_FIRE);
        assertThat(signals("有人受伤了 流了好多血")).contains(Signal.EMERGENCY_MEDICAL);
        assertThat(signals("我爸晕倒了 叫不醒")).contains(Signal.EMERGENCY_MEDICAL);
        assertThat(signals("老人突然昏过去了")).contains(Signal.EMERGENCY_MEDICAL);
        assertThat(signals("救命 有人拿刀")).contains(Signal.EMERGENCY_POLICE);
        assertThat(signals("孩子在公园走丢了")).contains(Signal.EMERGENCY_POLICE);
        assertThat(signals("我的电动车被撞了 那人骑着车跑了")).contains(Signal.EMERGENCY_POLICE);
        assertThat(signals("奶奶在卫生间跌倒了 站不起来")).contains(Signal.EMERGENCY_MEDICAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"家里房子着火烧没了 政府能给什么救助", "在工地受伤了 工伤认定要什么材料", "火灾保险怎么理赔",
            "如果家里着火了 应该打什么电话", "医保是我的救命钱 能取出来吗", "以前晕倒过 能办慢特病吗", "急性阑尾炎住院了 医保能报吗"})
    void should_not_raise_an_emergency_for_questions_about_services(String text) {
        assertThat(signals(text)).noneMatch(Signal::isEmergency);
    }

    @Test
    void should_raise_small_talk_only_when_the_message_says_nothing_else() {
        assertThat(signals("你好")).contains(Signal.GREETING);
        assertThat(signals("您好，在吗？")).contains(Signal.GREETING);
        assertThat(signals("好的谢谢")).contains(Signal.THANKS);
        assertThat(signals("谢谢 再见")).contains(Signal.THANKS, Signal.GOODBYE);
        assertThat(signals("你好 社保卡丢了怎么补")).doesNotContain(Signal.GREETING);
        assertThat(signals("社保卡怎么补 谢谢")).doesNotContain(Signal.THANKS);
        assertThat(signals("没事了拜拜")).contains(Signal.GOODBYE);
    }

    @Test
    void should_raise_no_handoff_signal_on_plain_service_questions() {
        for (String q : List.of("社保卡丢了咋补办", "公积金租房提取要啥材料", "孩子上小学要准备什么", "驾照到期了怎么换",
                "低保申请条件是什么", "个税汇算在哪里办", "护照加急要多久")) {
            assertThat(signals(q)).as(q).doesNotContainAnyElementsOf(HANDOFF).noneMatch(Signal::isEmergency);
        }
    }

    @Test
    void should_reject_an_unknown_section_with_its_line() {
        List<SourceLine> lines = List.of(new SourceLine("signals.txt", 3, "[HUMAN_REQUST]"),
                new SourceLine("signals.txt", 4, "转人工"));
        assertThatThrownBy(() -> SignalDetector.parse(lines, UnaryOperator.identity()))
                .isInstanceOf(WordListFormatException.class).hasMessageStartingWith("signals.txt:3:");
    }

    @Test
    void should_reject_sections_for_signals_other_detectors_raise() {
        List<SourceLine> lines = List.of(new SourceLine("signals.txt", 1, "[ABUSIVE]"), new SourceLine("signals.txt", 2, "x"));
        assertThatThrownBy(() -> SignalDetector.parse(lines, UnaryOperator.identity()))
                .isInstanceOf(WordListFormatException.class);
    }

    @Test
    void should_reject_a_cue_before_any_section() {
        List<SourceLine> lines = List.of(new SourceLine("signals.txt", 5, "转人工"));
        assertThatThrownBy(() -> SignalDetector.parse(lines, UnaryOperator.identity()))
                .isInstanceOf(WordListFormatException.class).hasMessageStartingWith("signals.txt:5:");
    }
}
