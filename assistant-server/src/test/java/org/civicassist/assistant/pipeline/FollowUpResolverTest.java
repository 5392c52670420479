package org.civicassist.assistant.pipeline;

import org.civicassist.nlp.Understanding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpResolverTest {

    private final FollowUpResolver resolver = new FollowUpResolver();

    private static Understanding message(String text, String... domainTerms) {
        return new Understanding(text, text, text, text, List.of(), Set.of(domainTerms), Optional.empty(), Set.of());
    }

    private static DialogueState about(String serviceId, String title, String lastQuestion) {
        return new DialogueState(Optional.of(serviceId), Optional.of(title), Optional.of(lastQuestion), 0, Map.of());
    }

    @Test
    void aFollowUpIsSearchedWithTheConversationsServiceNotTheQuestionAnsweredBefore() {
        DialogueState state = about("guide-huji-residence-permit", "居住证办理", "居住证要带什么材料");

        FollowUpResolver.Resolution r = resolver.resolve(message("办下来要几天"), state);

        assertThat(r.followUp()).isTrue();
        assertThat(r.topicServiceId()).contains("guide-huji-residence-permit");
        assertThat(r.text()).isEqualTo("居住证办理 办下来要几天").doesNotContain("材料");
    }

    @Test
    void withoutAServiceYetTheEarlierQuestionIsTheContext() {
        DialogueState state = new DialogueState(Optional.empty(), Optional.empty(),
                Optional.of("我老家河南的 在江州租房住了大半年了"), 0, Map.of());

        FollowUpResolver.Resolution r = resolver.resolve(message("能办那个证不"), state);

        assertThat(r.followUp()).isTrue();
        assertThat(r.topicServiceId()).isEmpty();
        assertThat(r.text()).isEqualTo("我老家河南的 在江州租房住了大半年了 能办那个证不");
    }

    @Test
    void aMessageNamingAServiceOfItsOwnStandsAlone() {
        DialogueState state = about("guide-huji-residence-permit", "居住证办理", "居住证要带什么材料");

        FollowUpResolver.Resolution r = resolver.resolve(message("公积金怎么提取", "公积金"), state);

        assertThat(r.followUp()).isFalse();
        assertThat(r.topicServiceId()).isEmpty();
        assertThat(r.text()).isEqualTo("公积金怎么提取");
    }

    @Test
    void aFollowUpAfterAnOfferIsSearchedWithTheQuestionThatGotTheOffer() {
        DialogueState offered = new DialogueState(Optional.of("guide-gjj-withdraw-rent"), Optional.of("租房提取住房公积金"),
                Optional.of("租房能提多少"), 1, Map.of("租房提取住房公积金 · 提取额度", "guide-gjj-withdraw-rent#提取额度"));

        FollowUpResolver.Resolution r = resolver.resolve(message("一年能提几次"), offered);

        assertThat(r.text()).isEqualTo("租房提取住房公积金 租房能提多少 一年能提几次");
    }

    @Test
    void theSituationToldGoesWithEveryLaterMessage() {
        DialogueState state = about("guide-huji-residence-permit", "居住证办理", "居住证要带什么材料")
                .told("我老家河南的 在江州租房住");

        assertThat(resolver.resolve(message("办下来要几天"), state).text())
                .isEqualTo("居住证办理 我老家河南的 在江州租房住 办下来要几天");
        FollowUpResolver.Resolution newTopic = resolver.resolve(message("社保卡怎么办", "社会保障卡"), state);
        assertThat(newTopic.followUp()).isFalse();
        assertThat(newTopic.text()).isEqualTo("我老家河南的 在江州租房住 社保卡怎么办");
    }

    @Test
    void aSituationToldFirstIsNotRepeatedAsTheEarlierQuestion() {
        String told = "我老家河南的 在江州租房住了大半年了";
        DialogueState state = DialogueState.initial().asked(told).told(told);

        assertThat(resolver.resolve(message("能办那个证不"), state).text()).isEqualTo(told + " 能办那个证不");
    }

    @Test
    void theFirstMessageOfAConversationStandsAlone() {
        FollowUpResolver.Resolution r = resolver.resolve(message("办下来要几天"), DialogueState.initial());

        assertThat(r.followUp()).isFalse();
        assertThat(r.text()).isEqualTo("办下来要几天");
    }
}
