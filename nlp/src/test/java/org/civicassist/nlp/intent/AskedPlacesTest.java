package org.civicassist.nlp.intent;

import org.civicassist.nlp.ChineseNlp;
import org.civicassist.nlp.Understanding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AskedPlacesTest {

    private static final ChineseNlp NLP = ChineseNlp.bundled();

    private static Understanding understand(String text) {
        return NLP.understander().understand(text);
    }

    @ParameterizedTest
    @CsvSource({
            "广州的医保报销比例是多少, 广州",
            "成都公积金贷款额度最高多少, 成都",
            "北京的婚姻登记处周末上班吗, 北京",
            "武汉那边的居住证怎么办, 武汉",
            "我在广州上班 广州社保缴费比例多少, 广州",
    })
    void a_place_heading_a_service_noun_is_asked_about(String question, String place) {
        assertThat(understand(question).askedPlaces()).containsExactly(place);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "我在广州交的社保 现在回来了",   // where the citizen was: after 在
            "从武汉迁户口过来要啥材料",       // after 从
            "去北京看病医保能报吗",           // after 去
            "我是成都人 想办护照",           // after 是, and 人 is not a service
            "湖北户口能在这边办居住证吗",     // the citizen's registration
            "广州社保转到这边怎么弄",         // moved here
            "成都的公积金能转过来吗",         // moved here
            "广州读的大学 想落户",            // not followed by a service noun
    })
    void a_place_that_tells_the_citizens_circumstances_is_not_asked_about(String question) {
        Understanding u = understand(question);
        assertThat(u.places()).isNotEmpty();
        assertThat(u.askedPlaces()).isEmpty();
    }
}
