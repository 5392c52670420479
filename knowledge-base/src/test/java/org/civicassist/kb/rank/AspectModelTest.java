package org.civicassist.kb.rank;

import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;
import org.civicassist.nlp.ChineseNlp;
import org.civicassist.nlp.intent.Aspect;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AspectModelTest {

    private static final ChineseNlp NLP = ChineseNlp.bundled();

    private static Passage section(String guide, String title, String heading, String text) {
        return new Passage(guide + "#" + heading + "#0", PassageKind.SECTION, guide, heading, guide, title, "d",
                List.of(), text, null);
    }

    private static Passage faq(String id, String guide, List<String> questions, String answer) {
        return new Passage(id, PassageKind.FAQ, id, null, guide, "t", "d", questions, answer, null);
    }

    /**
     * Two services; the FAQs' own questions carry a cue (多长时间, 带什么), their similar questions use words the cue
     * list does not know (几号, 捎上). The model learns those words from the FAQs, and ignores the services' names.
     */
    private static List<Passage> kb() {
        List<Passage> ps = new ArrayList<>();
        for (String[] g : new String[][]{{"g1", "护照办理"}, {"g2", "驾照换证"}}) {
            ps.add(section(g[0], g[1], "办理时限", "自受理之日起七个工作日内办结。"));
            ps.add(section(g[0], g[1], "申请材料", "居民身份证原件；近期免冠照片一张。"));
        }
        ps.add(faq("f1", "g1", List.of("护照办理要多长时间", "护照几号能领", "护照啥时候发下来"),
                "七个工作日内办结。"));
        ps.add(faq("f2", "g2", List.of("驾照换证要带什么", "驾照换证要捎上啥", "驾照换证得拿着啥"),
                "身份证原件和照片。"));
        ps.add(faq("f3", "g1", List.of("护照办理要带什么材料", "护照要捎上啥东西"), "身份证原件。"));
        ps.add(faq("f4", "g2", List.of("驾照换证要多长时间", "驾照几号能领"), "七个工作日。"));
        return ps;
    }

    @Test
    void learns_aspect_words_the_cue_list_lacks_from_the_faqs_similar_questions() {
        AspectModel model = AspectModel.learn(kb(), SectionAspects.defaults(), NLP.aspectDetector());

        assertThat(NLP.aspectDetector().detect("几号能领")).as("not a cue").isEmpty();
        assertThat(most(model.ask("几号能领"))).isEqualTo(Aspect.TIME_LIMIT);
        assertThat(most(model.ask("要捎上啥"))).isEqualTo(Aspect.MATERIALS);
    }

    @Test
    void a_bare_service_name_asks_no_aspect() {
        AspectModel model = AspectModel.learn(kb(), SectionAspects.defaults(), NLP.aspectDetector());

        double[] p = model.ask("护照办理");

        double uniform = 1.0 / Aspect.values().length;
        assertThat(p).containsOnly(uniform);
    }

    @Test
    void items_take_the_aspect_of_their_heading_or_of_what_their_question_asks() {
        List<Passage> ps = kb();
        AspectModel model = AspectModel.learn(ps, SectionAspects.defaults(), NLP.aspectDetector());

        assertThat(model.of(ps.get(0))).contains(Aspect.TIME_LIMIT);
        assertThat(model.of(ps.get(1))).contains(Aspect.MATERIALS);
        assertThat(model.of(ps.get(4))).contains(Aspect.TIME_LIMIT);
        assertThat(model.of(ps.get(5))).contains(Aspect.MATERIALS);
    }

    private static Aspect most(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return Aspect.values()[best];
    }
}
