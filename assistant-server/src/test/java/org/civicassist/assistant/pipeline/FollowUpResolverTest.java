package org.civicassist.assistant.pipeline;

import org.civicassist.nlp.Understanding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpResolverTest {

    private final FollowUpResolver resolver = new FollowUpResolver();

    /** The conversation's service mentions none of the message's terms. */
    private static final Predicate<String> NOT_OF_THE_TOPIC = term -> false;

    private static Understanding message(String text, String... domainTerms) {
        return new Understanding(text, text, text, text, List.of(), Set.of(domainTerms), Optional.empty(), Set.of());
    }

    private static DialogueState about(String serviceId, String title, String lastQuestion) {
        return new DialogueState(Optional.of(serviceId), Optional.of(title), Optional.of(lastQuestion), 0, Map.of());
    }

    @Test
    void a_follow_up_is_searched_with_the_conversations_service_not_the_question_answered_before() {
        DialogueState state = about("guide-huji-residence-permit", "居住证办理", "居住证要带什么材料");

        FollowUpResolver.Resolution r = resolver.resolve(message("办下来要几天"), state, NOT_OF_THE_TOPIC);

        assertThat(r.followUp()).isTrue();
        assertThat(r.topicServiceId()).contains("guide-huji-residence-permit");
        assertThat(r.text()).isEqualTo("居住证办理 办下来要几天").doesNotContain("材料");
    }

    @Test
    void without_a_service_yet_the_earlier_question_is_the_context() {
        DialogueState state = new DialogueState(Optional.empty(), Optional.empty(),
                Optional.of("我老家河南的 在江州租房住了大半年了"), 0, Map.of());

        FollowUpResolver.Resolution r = resolver.resolve(message("能办那个证不"), state, NOT_OF_THE_TOPIC);

        assertThat(r.followUp()).isTrue();
        assertThat(r.topicServiceId()).isEmpty();
        assertThat(r.text()).isEqualTo("我老家河南的 在江州租房住了大半年了 能办那个证不");
    }

    @Test
    void a_message_turning_to_another_matter_stands_alone_whatever_the_service_mentions() {
        DialogueState state = about("guide-shebao-card-reissue", "社会保障卡挂失与补换", "社保卡丢了 补办要带什么");

        FollowUpResolver.Resolution r = resolver.resolve(message("对了 我爸年底满六十 退休要去哪里办", "退休"), state,
                "退休"::equals);

        assertThat(r.followUp()).isFalse();
        assertThat(r.topicServiceId()).isEmpty();
        assertThat(r.text()).isEqualTo("对了 我爸年底满六十 退休要去哪里办");
    }

    @Test
    void a_short_question_after_another_or_inside_a_sentence_still_asks_about_the_service() {
        DialogueState state = about("guide-hunyu-marriage", "内地居民结婚登记", "打算下礼拜去领结婚证 要准备些什么");

        assertThat(resolver.resolve(message("另外 要交钱吗"), state, NOT_OF_THE_TOPIC).followUp()).isTrue();
        assertThat(resolver.resolve(message("登记的时候要另外交照片和复印件吗"), state, NOT_OF_THE_TOPIC).followUp())
                .isTrue();
    }

    @Test
    void a_message_naming_a_service_of_its_own_stands_alone() {
        DialogueState state = about("guide-huji-residence-permit", "居住证办理", "居住证要带什么材料");

        FollowUpResolver.Resolution r = resolver.resolve(message("公积金怎么提取", "公积金"), state, NOT_OF_THE_TOPIC);

        assertThat(r.followUp()).isFalse();
        assertThat(r.topicServiceId()).isEmpty();
        assertThat(r.text()).isEqualTo("公积金怎么提取");
    }

    @Test
    void a_term_the_conversations_service_mentions_asks_about_that_service() {
        DialogueState state = about("guide-hunyu-marriage", "内地居民结婚登记", "打算下礼拜去领结婚证 要准备些什么");

        FollowUpResolver.Resolution r = resolver.resolve(message("户口簿要带吗", "户口簿"), state,
                "户口簿"::equals);

        assertThat(r.followUp()).isTrue();
        assertThat(r.topicServiceId()).contains("guide-hunyu-marriage");
        assertThat(r.text()).isEqualTo("内地居民结婚登记 户口簿要带吗");
    }

    @Test
    void a_term_the_service_does_not_mention_beside_one_it_does_starts_a_new_topic() {
        DialogueState state = about("guide-hunyu-marriage", "内地居民结婚登记", "打算下礼拜去领结婚证 要准备些什么");

        FollowUpResolver.Resolution r = resolver.resolve(message("户口簿和护照丢了", "户口簿", "护照"), state,
                "户口簿"::equals);

        assertThat(r.followUp()).isFalse();
        assertThat(r.topicServiceId()).isEmpty();
    }

    @Test
    void a_follow_up_after_an_offer_is_searched_with_the_question_that_got_the_offer() {
        DialogueState offered = new DialogueState(Optional.of("guide-gjj-withdraw-rent"), Optional.of("租房提取住房公积金"),
                Optional.of("租房能提多少"), 1, Map.of("租房提取住房公积金 · 提取额度", "guide-gjj-withdraw-rent#提取额度"));

        FollowUpResolver.Resolution r = resolver.resolve(message("一年能提几次"), offered, NOT_OF_THE_TOPIC);

        assertThat(r.text()).isEqualTo("租房提取住房公积金 租房能提多少 一年能提几次");
    }

    @Test
    void the_situation_told_goes_with_every_later_message() {
        DialogueState state = about("guide-huji-residence-permit", "居住证办理", "居住证要带什么材料")
                .told("我老家河南的 在江州租房住");

        assertThat(resolver.resolve(message("办下来要几天"), state, NOT_OF_THE_TOPIC).text())
                .isEqualTo("居住证办理 我老家河南的 在江州租房住 办下来要几天");
        FollowUpResolver.Resolution newTopic = resolver.resolve(message("社保卡怎么办", "社会保障卡"), state, NOT_OF_THE_TOPIC);
        assertThat(newTopic.followUp()).isFalse();
        assertThat(newTopic.text()).isEqualTo("我老家河南的 在江州租房住 社保卡怎么办");
    }

    @Test
    void a_situation_told_first_is_not_repeated_as_the_earlier_question() {
        String told = "我老家河南的 在江州租房住了大半年了";
        DialogueState state = DialogueState.initial().asked(told).told(told);

        assertThat(resolver.resolve(message("能办那个证不"), state, NOT_OF_THE_TOPIC).text()).isEqualTo(told + " 能办那个证不");
    }

    @Test
    void the_first_message_of_a_conversation_stands_alone() {
        FollowUpResolver.Resolution r = resolver.resolve(message("办下来要几天"), DialogueState.initial(), NOT_OF_THE_TOPIC);

        assertThat(r.followUp()).isFalse();
        assertThat(r.text()).isEqualTo("办下来要几天");
    }
}
