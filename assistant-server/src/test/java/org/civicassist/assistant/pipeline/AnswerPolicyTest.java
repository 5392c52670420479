package org.civicassist.assistant.pipeline;

import org.civicassist.assistant.reply.HandoffReason;
import org.civicassist.assistant.reply.RefusalReason;
import org.civicassist.kb.passage.Passage;
import org.civicassist.kb.passage.PassageKind;
import org.civicassist.kb.rank.Candidate;
import org.civicassist.kb.rank.Features;
import org.civicassist.kb.search.SearchResult;
import org.civicassist.nlp.Understanding;
import org.civicassist.nlp.intent.Aspect;
import org.civicassist.nlp.intent.Signal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decide stage at and around its thresholds, and the precedence of the signals. */
class AnswerPolicyTest {

    static final double ANSWER = 0.6;
    static final double CLARIFY = 0.3;

    private final AnswerPolicy policy = new AnswerPolicy(ANSWER, CLARIFY);

    static Understanding question(String text, Signal... signals) {
        Set<Signal> set = signals.length == 0 ? Set.of() : EnumSet.of(signals[0], signals);
        return new Understanding(text, text, text, text, List.of(), Set.of(), Optional.empty(), set);
    }

    /** A question naming a service (a term of the domain dictionary). */
    static Understanding naming(String text) {
        return new Understanding(text, text, text, text, List.of(), Set.of("社会保障卡"), Optional.empty(), Set.of());
    }

    static Candidate candidate(String serviceId, String section, double score) {
        Passage p = new Passage(serviceId + "#" + section + "#0", PassageKind.SECTION, serviceId, section, serviceId,
                "社会保障卡 " + serviceId, "社保", List.of(), "内容", null);
        return new Candidate(p, new Features(), score);
    }

    static SearchResult result(double confidence, Candidate... ranked) {
        return new SearchResult(List.of(ranked), confidence);
    }

    static Understanding asking(String text, Aspect aspect) {
        return new Understanding(text, text, text, text, List.of(), Set.of("社会保障卡"), Optional.of(aspect), Set.of());
    }

    static Candidate with(Candidate c, String feature, double value) {
        Features f = new Features();
        for (int i = 0; i < Features.NAMES.size(); i++) {
            f.set(Features.NAMES.get(i), c.features().values()[i]);
        }
        return new Candidate(c.passage(), f.set(feature, value), c.score());
    }

    static final DialogueState FRESH = DialogueState.initial();
    static final DialogueState AFTER_UNRESOLVED_TURN = DialogueState.initial().unresolved();

    @Nested
    class Thresholds {

        @ParameterizedTest(name = "confidence {0} → {1}")
        @CsvSource({
                "1.0,   AnswerWith",
                "0.6,   AnswerWith",
                "0.5999, AskToChoose",
                "0.3,   AskToChoose",
                "0.2999, NotFound",
                "0.0,   NotFound"})
        void decide_by_confidence__when_services_compete(double confidence, String expected) {
            SearchResult r = result(confidence, candidate("guide-a", "办理时限", 5.0),
                    candidate("guide-b", "办理时限", 4.5), candidate("guide-a", "申请材料", 4.0));

            Decision d = policy.decide(question("补办要多久"), r, FRESH);

            assertThat(d.getClass().getSimpleName()).isEqualTo(expected);
        }

        @Test
        void answers_with_the_first_candidate_and_its_confidence() {
            Candidate first = candidate("guide-a", "办理时限", 5.0);

            Decision d = policy.decide(question("补办要多久"), result(0.8, first, candidate("guide-b", "x", 4.9)),
                    FRESH);

            assertThat(d).isEqualTo(new Decision.AnswerWith(first, 0.8));
        }

        @Test
        void a_request_naming_no_service_and_asking_nothing_is_offered_the_items__however_sure_the_first() {
            Candidate first = candidate("guide-a", "办理时限", 5.0);
            SearchResult sure = result(0.95, first, candidate("guide-a", "申请材料", 4.9));

            assertThat(policy.decide(question("想约个号"), sure, FRESH)).as("its sure service's items, as its service")
                    .isEqualTo(new Decision.OfferService("guide-a", sure.candidates(), 0.95));
            SearchResult competing = result(0.95, first, candidate("guide-b", "申请材料", 4.9));
            assertThat(policy.decide(question("想约个号"), competing, FRESH)).as("no service sure: which one")
                    .isInstanceOf(Decision.AskToChoose.class);
            assertThat(policy.decide(question("想约个号 要带啥"), sure, FRESH)).as("it asks something")
                    .isEqualTo(new Decision.AnswerWith(first, 0.95));
            assertThat(policy.decide(question("科目一刚考过"), sure, FRESH)).as("no request: a situation a FAQ answers")
                    .isEqualTo(new Decision.AnswerWith(first, 0.95));
        }

        @Test
        void answers_a_follow_up_found_within_the_service_settled__above_the_clarify_threshold() {
            Candidate first = candidate("guide-a", "办理条件", 5.0);
            SearchResult withinA = result(0.45, first, candidate("guide-a", "申请材料", 4.0));
            Understanding forMyMother = question("能帮我妈一起开一个不");
            DialogueState settled = FRESH.answered("guide-a", "标题 guide-a", "guide-a#事项简介");
            DialogueState onlyOffered = FRESH.offering(Map.of("标题 guide-a：办理条件", "guide-a#办理条件"),
                    Optional.of("guide-a"), Optional.of("标题 guide-a"));

            assertThat(policy.decide(forMyMother, withinA, settled, true)).isEqualTo(new Decision.AnswerWith(first, 0.45));
            assertThat(policy.decide(forMyMother, result(0.25, first, candidate("guide-a", "申请材料", 4.0)), settled,
                    true)).as("below the clarify threshold").isNotInstanceOf(Decision.AnswerWith.class);
            assertThat(policy.decide(forMyMother, withinA, onlyOffered, true)).as("the service only offered")
                    .isInstanceOf(Decision.AskToChoose.class);
            DialogueState requested = FRESH.settledOn("guide-a", "标题 guide-a", Map.of());
            assertThat(policy.decide(forMyMother, withinA, requested, true)).as("the service requested and sure")
                    .isEqualTo(new Decision.AnswerWith(first, 0.45));
            assertThat(policy.decide(forMyMother, withinA, settled, false)).as("read alone")
                    .isInstanceOf(Decision.AskToChoose.class);
            assertThat(policy.decide(forMyMother, result(0.45, first, candidate("guide-b", "申请材料", 4.9)), settled,
                    true)).as("another service close behind: not sure").isInstanceOf(Decision.AskToChoose.class);
        }

        @Test
        void answers_a_follow_up_about_an_aspect_of_the_topic__below_the_answer_threshold() {
            Candidate timeLimit = new Candidate(candidate("guide-a", "办理时限", 5.0).passage(),
                    new Features().set("aspect_match", 1), 5.0);
            Understanding howLong = new Understanding("那要多久", "那要多久", "那要多久", "那要多久", List.of(), Set.of(),
                    Optional.of(org.civicassist.nlp.intent.Aspect.TIME_LIMIT), Set.of());
            DialogueState onTopic = FRESH.answered("guide-a", "标题 guide-a", "guide-a#事项简介");

            assertThat(policy.decide(howLong, result(0.45, timeLimit), onTopic, true))
                    .isEqualTo(new Decision.AnswerWith(timeLimit, 0.45));
            Candidate elsewhere = candidate("guide-b", "办理时限", 5.0);
            assertThat(policy.decide(howLong, result(0.45, timeLimit, elsewhere), onTopic, false))
                    .as("not read as a follow-up").isNotInstanceOf(Decision.AnswerWith.class);
            assertThat(policy.decide(howLong, result(0.45, timeLimit), FRESH.answered("guide-b", "B", "guide-b#事项简介"), true))
                    .as("another topic").isNotInstanceOf(Decision.AnswerWith.class);
        }

        @Test
        void asks_which_part_of_the_service__between_thresholds_when_only_one_service_competes() {
            Candidate time = candidate("guide-a", "办理时限", 5.0);
            Candidate materials = candidate("guide-a", "申请材料", 4.9);
            SearchResult r = result(0.45, time, materials, candidate("guide-b", "办理时限", 1.0));

            Decision d = policy.decide(question("上个月在外地出差的时候弄丢了 回来以后怎么补办"), r, FRESH);

            assertThat(d).isEqualTo(new Decision.AskToChoose(List.of(time, materials), 0.45));
        }

        @Test
        void hands_off_as_unresolved__when_a_second_attempt_finds_nothing_to_choose_from() {
            SearchResult r = result(0.2, candidate("guide-a", "办理时限", 5.0), candidate("guide-b", "办理时限", 4.9));

            Decision d = policy.decide(question("补办要多久"), r, AFTER_UNRESOLVED_TURN);

            assertThat(d).isEqualTo(new Decision.HandToStaff(HandoffReason.UNRESOLVED, 0.2));
        }

        @Test
        void offers_choices_again__when_a_second_attempt_narrows_the_question_down() {
            SearchResult r = result(0.45, candidate("guide-a", "办理时限", 5.0), candidate("guide-b", "办理时限", 4.9));

            assertThat(policy.decide(question("补办要多久"), r, AFTER_UNRESOLVED_TURN))
                    .isInstanceOf(Decision.AskToChoose.class);
        }

        @Test
        void still_answers_after_an_unresolved_turn__when_confident() {
            Candidate first = candidate("guide-a", "办理时限", 5.0);

            assertThat(policy.decide(question("补办要多久"), result(0.9, first), AFTER_UNRESOLVED_TURN))
                    .isInstanceOf(Decision.AnswerWith.class);
        }

        @Test
        void says_nothing_was_found__instead_of_handing_off_when_nothing_was_retrieved() {
            assertThat(policy.decide(question("火星签证怎么办"), SearchResult.empty(), FRESH))
                    .isEqualTo(new Decision.NotFound(List.of(), 0, Decision.Beyond.NOTHING_SURE));
        }

        @Test
        void offers_the_nearest_items_of_competing_services__when_below_the_clarify_threshold() {
            Candidate a = candidate("guide-a", "办理时限", 5.0);
            Candidate b = candidate("guide-b", "办理时限", 4.5);
            Candidate a2 = candidate("guide-a", "x", 4.0);

            Decision d = policy.decide(question("补办要多久"), result(0.1, a, b, a2, candidate("guide-c", "y", 3.9)),
                    FRESH);

            assertThat(d).as("at most %d guesses", AnswerPolicy.MAX_NEAREST)
                    .isEqualTo(new Decision.NotFound(List.of(a, b, a2), 0.1, Decision.Beyond.NOTHING_SURE));
        }

        @Test
        void hands_off_as_unresolved__when_nothing_was_found_after_an_unresolved_turn() {
            assertThat(policy.decide(question("火星签证怎么办"), SearchResult.empty(), AFTER_UNRESOLVED_TURN))
                    .isEqualTo(new Decision.HandToStaff(HandoffReason.UNRESOLVED, 0));
        }

        @Test
        void greets_back__when_nothing_was_retrieved_for_a_greeting() {
            assertThat(policy.decide(question("你好呀", Signal.GREETING), SearchResult.empty(), FRESH))
                    .isEqualTo(new Decision.SmallTalk(Signal.GREETING));
        }

        @Test
        void rejects_thresholds_out_of_order() {
            assertThatThrownBy(() -> new AnswerPolicy(0.3, 0.6)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new AnswerPolicy(1.1, 0.6)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new AnswerPolicy(0.5, -0.1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Competing_options {

        @Test
        void offers_the_candidates_within_the_margin_in_ranking_order__at_most_two_of_a_service() {
            Candidate a1 = candidate("guide-a", "办理时限", 5.0);
            Candidate a2 = candidate("guide-a", "申请材料", 4.8);
            Candidate a3 = candidate("guide-a", "收费标准", 4.5);
            Candidate b1 = candidate("guide-b", "办理时限", 4.0);
            Candidate c1 = candidate("guide-c", "办理时限", 5.0 - AnswerPolicy.COMPETING_MARGIN - 0.01);

            Decision d = policy.decide(question("补办要多久"), result(0.4, a1, a2, a3, b1, c1), FRESH);

            assertThat(d).isEqualTo(new Decision.AskToChoose(List.of(a1, a2, b1), 0.4));
        }

        @Test
        void offers_the_items_of_the_one_service_when_no_other_is_within_the_margin() {
            Candidate a1 = candidate("guide-a", "办理时限", 5.0);
            Candidate a2 = candidate("guide-a", "申请材料", 4.8);
            Candidate a3 = candidate("guide-a", "收费标准", 4.5);
            Candidate c1 = candidate("guide-c", "办理时限", 5.0 - AnswerPolicy.COMPETING_MARGIN - 0.01);

            assertThat(AnswerPolicy.competingItems(List.of(a1, a2, a3, c1))).containsExactly(a1);
            assertThat(policy.decide(question("补办要多久"), result(0.4, a1, a2, a3, c1), FRESH))
                    .isEqualTo(new Decision.AskToChoose(List.of(a1, a2, a3), 0.4));
        }

        @Test
        void offers_at_most_the_maximum_number_of_options() {
            List<Candidate> ranked = new ArrayList<>();
            for (int i = 0; i < AnswerPolicy.MAX_OPTIONS + 3; i++) {
                ranked.add(candidate("guide-" + i, "办理时限", 5.0 - i * 0.1));
            }

            List<Candidate> options = AnswerPolicy.competingItems(ranked);

            assertThat(options).hasSize(AnswerPolicy.MAX_OPTIONS).containsExactlyElementsOf(
                    ranked.subList(0, AnswerPolicy.MAX_OPTIONS));
        }
    }

    @Nested
    class Signals {

        @ParameterizedTest
        @EnumSource(value = Signal.class, names = {"EMERGENCY_FIRE", "EMERGENCY_MEDICAL", "EMERGENCY_POLICE"})
        void an_emergency_hands_off_at_once__before_anything_else(Signal emergency) {
            Decision d = policy.decideFromSignals(question("着火了 你们这帮废物", emergency, Signal.ABUSIVE,
                    Signal.HUMAN_REQUEST));

            assertThat(d).isEqualTo(new Decision.HandToStaff(HandoffReason.EMERGENCY, 1.0));
        }

        @Test
        void abuse_is_declined__even_when_a_person_is_asked_for() {
            assertThat(policy.decideFromSignals(question("转人工 废物", Signal.ABUSIVE, Signal.HUMAN_REQUEST)))
                    .isEqualTo(new Decision.Decline(RefusalReason.ABUSIVE));
        }

        @Test
        void a_request_for_a_person_is_handed_off_as_requested() {
            assertThat(policy.decideFromSignals(question("转人工", Signal.HUMAN_REQUEST, Signal.COMPLAINT)))
                    .isEqualTo(new Decision.HandToStaff(HandoffReason.REQUESTED, 1.0));
        }

        @ParameterizedTest
        @EnumSource(value = Signal.class, names = {"COMPLAINT", "ANGER"})
        void a_complaint_or_anger_is_handed_off_as_a_complaint(Signal signal) {
            assertThat(policy.decideFromSignals(question("窗口态度太差了", signal)))
                    .isEqualTo(new Decision.HandToStaff(HandoffReason.COMPLAINT, 1.0));
        }

        @Test
        void urgent_hardship_is_handed_off() {
            assertThat(policy.decideFromSignals(question("家里断粮了求助", Signal.URGENT_HELP)))
                    .isEqualTo(new Decision.HandToStaff(HandoffReason.URGENT_HELP, 1.0));
        }

        @Test
        void a_bare_greeting_is_small_talk__but_a_greeting_with_a_question_needs_retrieval() {
            Understanding bare = new Understanding("你好", "你好", "", "你好", List.of(), Set.of(), Optional.empty(),
                    Set.of(Signal.GREETING));

            assertThat(policy.decideFromSignals(bare)).isEqualTo(new Decision.SmallTalk(Signal.GREETING));
            assertThat(policy.decideFromSignals(question("你好，社保卡怎么补办", Signal.GREETING))).isNull();
        }

        @Test
        void nothing_to_search_asks_for_the_question() {
            Understanding blank = new Understanding("？？", "？？", "？？", "？？", List.of(), Set.of(), Optional.empty(),
                    Set.of());

            assertThat(policy.decideFromSignals(blank)).isEqualTo(new Decision.AskForQuestion());
        }

        @Test
        void an_ordinary_question_needs_retrieval() {
            assertThat(policy.decideFromSignals(question("公积金怎么提取"))).isNull();
        }

        @Test
        void offered_options_are_remembered_after_asking_to_choose() {
            DialogueState next = FRESH.offering(Map.of("护照", "guide-passport#申请材料"), Optional.empty(),
                    Optional.empty());

            assertThat(next.unresolvedStreak()).isEqualTo(1);
            assertThat(next.offeredOptions()).containsEntry("护照", "guide-passport#申请材料");
        }
    }

    /** Service → element → decision (ANSWERING.md): what a sure service allows below the answer threshold. */
    @Nested
    class ServiceLevel {

        final Candidate materialsFaq = with(candidate("guide-a", "x", 6.0), "is_faq", 1);
        final Candidate feesSection = with(candidate("guide-a", "收费标准", 5.0), "aspect_match", 1);
        final Candidate otherService = candidate("guide-b", "收费标准", 1.0);

        @Test
        void answers_with_the_item_about_the_element_asked__when_the_service_is_sure() {
            Decision d = policy.decide(asking("补社保卡要钱吗", Aspect.FEES),
                    result(0.9, materialsFaq, feesSection, otherService), FRESH);

            assertThat(d).isInstanceOf(Decision.AnswerWith.class);
            assertThat(((Decision.AnswerWith) d).candidate()).isEqualTo(feesSection);
        }

        @Test
        void a_follow_up_short_as_it_is_keeps_the_sure_first_candidate__it_may_answer_the_situation_told() {
            DialogueState aboutA = FRESH.answered("guide-a", "A", "guide-a#事项简介");

            Decision d = policy.decide(asking("那要钱吗", Aspect.FEES),
                    result(0.9, materialsFaq, feesSection, otherService), aboutA, true);

            assertThat(d).isEqualTo(new Decision.AnswerWith(materialsFaq, 0.9));
        }

        @Test
        void keeps_the_first_candidate__when_it_is_about_the_element_asked() {
            Candidate feesFaq = with(materialsFaq, "aspect_match", 1);

            Decision d = policy.decide(asking("补社保卡要钱吗", Aspect.FEES),
                    result(0.9, feesFaq, feesSection, otherService), FRESH);

            assertThat(d).isEqualTo(new Decision.AnswerWith(feesFaq, 0.9));
        }

        @Test
        void an_unsure_follow_up_gets_the_element_the_ranker_put_second__but_is_offered_choices_for_one_lower() {
            Understanding asked = asking("那补一张的话要不要交钱", Aspect.FEES);
            DialogueState aboutA = FRESH.answered("guide-a", "A", "guide-a#事项简介");
            Candidate processSection = candidate("guide-a", "办理流程", 5.5);

            Decision second = policy.decide(asked, result(0.4, materialsFaq, feesSection, otherService), aboutA, true);
            Decision third = policy.decide(asked, result(0.4, materialsFaq, processSection, feesSection, otherService),
                    aboutA, true);

            assertThat(second).isEqualTo(new Decision.AnswerWith(feesSection,
                    ServiceFocus.of(List.of(materialsFaq, feesSection, otherService)).orElseThrow().share()));
            assertThat(third).isInstanceOf(Decision.AskToChoose.class);
        }

        @Test
        void an_unsure_longer_question_of_its_own_is_offered_choices__not_the_element_by_its_aspect_alone() {
            Understanding asked = asking("上个月社保卡在公交上弄丢了 现在补一张要不要钱", Aspect.FEES);

            Decision d = policy.decide(asked, result(0.4, materialsFaq, feesSection, otherService), FRESH);

            assertThat(d).isInstanceOf(Decision.AskToChoose.class);
            assertThat(((Decision.AskToChoose) d).options()).contains(feesSection);
        }

        @Test
        void does_not_pick_an_element__when_services_compete() {
            Candidate rival = candidate("guide-b", "申请材料", 5.9);

            Decision d = policy.decide(asking("补卡要钱吗", Aspect.FEES), result(0.4, materialsFaq, rival, feesSection),
                    FRESH);

            assertThat(d).isInstanceOf(Decision.AskToChoose.class);
        }

        @Test
        void a_short_question_gets_the_element_asked__unless_the_first_item_is_the_faq_asked() {
            Candidate lostFaq = with(with(new Candidate(new Passage("faq-lost", PassageKind.FAQ, "faq-lost", null,
                    "guide-a", "标题 guide-a", "社保", List.of("社保卡丢了怎么补办？"), "内容", null), new Features(), 6.0),
                    "is_faq", 1), "question_cov", 0.9);
            Candidate partlyCovering = with(lostFaq, "question_cov", 0.5);
            Candidate processSection = with(candidate("guide-a", "办理流程", 5.0), "aspect_match", 1);
            Understanding how = asking("社保卡丢了咋补", Aspect.PROCESS);

            assertThat(policy.decide(how, result(0.95, lostFaq, processSection, otherService), FRESH))
                    .isEqualTo(new Decision.AnswerWith(lostFaq, 0.95));
            Decision d = policy.decide(how, result(0.95, partlyCovering, processSection, otherService), FRESH);
            assertThat(d).isInstanceOf(Decision.AnswerWith.class);
            assertThat(((Decision.AnswerWith) d).candidate()).isEqualTo(processSection);
        }

        @Test
        void answers_a_bare_service_name_with_the_service_card() {
            Candidate intro = with(candidate("guide-a", "事项简介", 6.0), "title_cov", 1.0);

            Decision d = policy.decide(naming("社保卡补办"), result(0.3, intro, feesSection, otherService), FRESH);

            assertThat(d).isInstanceOf(Decision.ServiceCard.class);
            assertThat(((Decision.ServiceCard) d).serviceId()).isEqualTo("guide-a");
        }

        @Test
        void a_bare_service_name_gets_the_card__even_when_one_of_its_items_is_sure() {
            Candidate faq = with(with(candidate("guide-a", "x", 6.0), "is_faq", 1), "title_cov", 1.0);

            Decision d = policy.decide(naming("社保卡补办"), result(0.95, faq, feesSection, otherService), FRESH);

            assertThat(d).isInstanceOf(Decision.ServiceCard.class);
        }

        @Test
        void a_short_question_a_faq_matches_best_is_answered_by_it__a_section_first_gives_the_card() {
            Candidate faq = with(with(new Candidate(new Passage("faq-a", PassageKind.FAQ, "faq-a", null, "guide-a",
                    "标题 guide-a", "社保", List.of("社保卡丢了怎么办"), "内容", null), new Features(), 6.0), "is_faq", 1),
                    "question_cov", 1.0);
            Candidate section = with(candidate("guide-a", "办理对象", 6.0), "question_cov", 1.0);

            assertThat(policy.decide(naming("社保卡丢了"), result(0.95, faq, feesSection, otherService), FRESH))
                    .isEqualTo(new Decision.AnswerWith(faq, 0.95));
            assertThat(policy.decide(naming("社保卡"), result(0.95, section, feesSection, otherService), FRESH))
                    .isInstanceOf(Decision.ServiceCard.class);
        }

        @Test
        void answers_a_short_question_without_an_aspect_with_the_service_card__but_not_a_follow_up() {
            Candidate intro = with(candidate("guide-a", "事项简介", 6.0), "question_cov", 0.5);
            SearchResult r = result(0.3, intro, feesSection, otherService);

            assertThat(policy.decide(naming("社保卡 以前没办过"), r, FRESH)).isInstanceOf(Decision.ServiceCard.class);
            // no card for the follow-up; within the service the last answer settled, its first item answers
            assertThat(policy.decide(naming("那个能代办吗"), r, FRESH.answered("guide-a", "A", "guide-a#事项简介"), true))
                    .isEqualTo(new Decision.AnswerWith(intro, 0.3));
        }

        @Test
        void a_service_named_in_a_question_of_its_own_gets_the_sure_item__not_the_card() {
            Candidate titledFaq = with(with(materialsFaq, "title_cov", 1.0), "question_cov", 1.0);
            SearchResult sure = result(0.9, titledFaq, feesSection, otherService);

            assertThat(policy.decide(naming("社保卡补领"), sure, FRESH)).isInstanceOf(Decision.ServiceCard.class);
            assertThat(policy.decide(naming("社保卡补领每个月几号能拿到"), sure, FRESH))
                    .isEqualTo(new Decision.AnswerWith(titledFaq, 0.9));
            assertThat(policy.decide(naming("我想补领社保卡"), sure, FRESH))
                    .as("a request for the service").isInstanceOf(Decision.ServiceCard.class);
        }

        @Test
        void a_question_that_is_a_service_title_gets_its_card__even_when_other_services_rank_higher() {
            Candidate rival = candidate("guide-b", "办理对象", 9.0);
            Candidate titled = with(candidate("guide-a", "事项简介", 6.0), "title_cov", 1.0);

            Decision d = policy.decide(naming("社保卡补领"), result(0.1, rival, titled), FRESH);

            assertThat(d).isInstanceOf(Decision.ServiceCard.class);
            assertThat(((Decision.ServiceCard) d).serviceId()).isEqualTo("guide-a");
        }

        @Test
        void a_question_naming_no_service_term_gets_no_card_while_no_item_is_sure() {
            Candidate overview = with(with(candidate("guide-a", "事项简介", 6.0), "title_cov", 0.7), "question_cov", 0.7);
            SearchResult unsure = result(0.5, overview, candidate("guide-a", "办理流程", 5.9));

            assertThat(policy.decide(question("想补个证"), unsure, FRESH)).isNotInstanceOf(Decision.ServiceCard.class);
            assertThat(policy.decide(naming("社会保障卡补证"), unsure, FRESH)).isInstanceOf(Decision.ServiceCard.class);
        }

        @Test
        void a_title_without_the_service_term_the_question_names_is_not_its_title() {
            Candidate titled = with(candidate("guide-a", "事项简介", 6.0), "title_cov", 1.0);
            Understanding idCard = new Understanding("身份证到期换证", "身份证到期换证", "身份证到期换证", "身份证到期换证",
                    List.of(), Set.of("身份证"), Optional.empty(), Set.of());

            assertThat(AnswerPolicy.titled(List.of(titled), Set.of("身份证"))).isEmpty();
            assertThat(policy.decide(idCard, result(0.1, titled), FRESH))
                    .isNotInstanceOf(Decision.ServiceCard.class);
        }

        @Test
        void a_faq_without_a_guide_names_no_service__its_title_is_its_question() {
            Passage question = new Passage("faq-x", PassageKind.FAQ, "faq-x", null, null, "申请提交了，多久到账？",
                    "公积金", List.of("申请提交了，多久到账？"), "一般三个工作日。", null);
            Candidate faq = with(new Candidate(question, new Features(), 6.0), "title_cov", 1.0);

            assertThat(AnswerPolicy.titled(List.of(faq, candidate("guide-b", "办理时限", 5.0)), Set.of())).isEmpty();
            assertThat(AnswerPolicy.titled(List.of(with(candidate("guide-a", "事项简介", 6.0), "title_cov", 1.0)), Set.of()))
                    .map(ServiceFocus::serviceId).contains("guide-a");
        }

        @Test
        void two_services_with_the_title_words_get_no_card() {
            Candidate a = with(candidate("guide-a", "事项简介", 6.0), "title_cov", 1.0);
            Candidate b = with(candidate("guide-b", "事项简介", 6.0), "title_cov", 1.0);

            assertThat(policy.decide(naming("补领"), result(0.1, a, b), FRESH))
                    .isNotInstanceOf(Decision.ServiceCard.class);
        }

        @Test
        void a_question_naming_no_service_whose_words_several_titles_hold_is_asked_which__however_sure_one_item_is() {
            // 补证 → 补领: the marriage certificate's reissue ranks surely first, the identity card's is not ranked
            Candidate sureFaq = with(with(candidate("guide-a", "x", 6.0), "is_faq", 1), "title_cov", 1.0);
            Candidate aTitle = with(candidate("guide-a", "事项简介", 0), "title_cov", 1.0);
            Candidate bTitle = with(candidate("guide-b", "事项简介", 0), "title_cov", 1.0);
            Candidate cTitle = with(candidate("guide-c", "事项简介", 0), "title_cov", 0.2);
            SearchResult sure = result(0.95, sureFaq, candidate("guide-c", "办理流程", 1.0));
            List<Candidate> titles = List.of(cTitle, bTitle, aTitle);

            assertThat(policy.decide(question("补证"), sure, FRESH, false, titles))
                    .as("each titled service by its title's passage, the ranked one first")
                    .isEqualTo(new Decision.AskToChoose(List.of(aTitle, bTitle), 0.95));
            assertThat(policy.decide(question("补证"), sure, FRESH, false, List.of(cTitle, aTitle)))
                    .as("one service's title: it names that one").isInstanceOf(Decision.ServiceCard.class);
            assertThat(policy.decide(naming("社保卡补证"), sure, FRESH, false, titles))
                    .as("a service term names one").isNotInstanceOf(Decision.AskToChoose.class);
            assertThat(policy.decide(question("补证"), sure, FRESH.answered("guide-a", "A", "guide-a#办理流程"), true,
                    titles)).as("a follow-up is about its conversation's service")
                    .isNotInstanceOf(Decision.AskToChoose.class);
        }

        @Test
        void with_an_element_asked_each_service_titled_alike_stands_by_its_best_ranked_item() {
            Candidate aFees = with(with(candidate("guide-a", "收费标准", 6.0), "title_cov", 1.0), "aspect_match", 1);
            Candidate aTitle = with(candidate("guide-a", "事项简介", 0), "title_cov", 1.0);
            Candidate bTitle = with(candidate("guide-b", "事项简介", 0), "title_cov", 1.0);
            Understanding howMuch = new Understanding("补证多少钱", "补证多少钱", "补证多少钱", "补证多少钱", List.of(),
                    Set.of(), Optional.of(Aspect.FEES), Set.of());

            assertThat(policy.decide(howMuch, result(0.9, aFees), FRESH, false, List.of(aTitle, bTitle)))
                    .isEqualTo(new Decision.AskToChoose(List.of(aFees, bTitle), 0.9));
        }

        @Test
        void a_question_is_one_services_title_only_if_no_other_services_title_holds_it_as_well__ranked_or_not() {
            Candidate titled = with(candidate("guide-a", "事项简介", 6.0), "title_cov", 1.0);
            Candidate unrankedAlike = with(candidate("guide-b", "事项简介", 0), "title_cov", 1.0);
            Candidate unrankedLess = with(candidate("guide-b", "事项简介", 0), "title_cov", 0.5);

            assertThat(AnswerPolicy.titled(List.of(titled), Set.of(), List.of(unrankedAlike))).isEmpty();
            assertThat(AnswerPolicy.titled(List.of(titled), Set.of(), List.of(unrankedLess)))
                    .map(ServiceFocus::serviceId).contains("guide-a");
        }

        @Test
        void shows_no_card_when_the_words_the_title_covers_are_a_small_part_of_the_question() {
            // 江州今天下雨 (put as a statement: a question gets no card anyway): the city's app covers 江州 — all of the
            // words the KB knows — but 下雨 is in no passage
            Candidate app = with(with(candidate("guide-a", "事项简介", 6.0), "title_cov", 1.0), "question_cov", 1.0);
            Candidate mostlyUnknown = with(app, "unknown_share", 0.7);

            assertThat(policy.decide(naming("江州今天下雨"), result(0.3, app, feesSection, otherService), FRESH))
                    .as("every word known").isInstanceOf(Decision.ServiceCard.class);
            assertThat(policy.decide(naming("江州今天下雨"), result(0.3, mostlyUnknown, feesSection, otherService),
                    FRESH)).isNotInstanceOf(Decision.ServiceCard.class);
        }

        @Test
        void shows_no_card_for_a_short_question_whose_words_the_service_does_not_have() {
            Candidate intro = with(candidate("guide-a", "事项简介", 6.0), "question_cov", 0.1);

            assertThat(policy.decide(naming("火星上有水吗"), result(0.3, intro, feesSection, otherService), FRESH))
                    .isNotInstanceOf(Decision.ServiceCard.class);
        }

        @Test
        void asks_to_choose_rather_than_show_a_card__when_the_question_says_more_than_the_service() {
            Candidate intro = with(candidate("guide-a", "事项简介", 6.0), "title_cov", 0.3);

            Decision d = policy.decide(naming("社保卡补办了以后原来的卡里的钱还在吗"),
                    result(0.3, intro, feesSection, otherService), FRESH);

            assertThat(d).isInstanceOf(Decision.AskToChoose.class);
        }

        @Test
        void never_answers_at_the_service_level_about_another_city() {
            Candidate intro = with(candidate("guide-a", "事项简介", 6.0), "title_cov", 1.0);
            SearchResult abroad = new SearchResult(List.of(intro, feesSection), 0.1, true);

            Decision d = policy.decide(naming("上海社保卡怎么补办"), abroad, FRESH);

            assertThat(d).isEqualTo(new Decision.NotFound(List.of(), 0.1, Decision.Beyond.OTHER_CITY));
        }

        @Test
        void a_request_to_look_up_the_citizens_own_records_is_not_answered_from_an_item__however_sure() {
            Candidate howToQuery = candidate("guide-a", "办理流程", 6.0);
            SearchResult sure = result(0.95, howToQuery, feesSection);
            Decision d = policy.decide(question("帮我查一下我的驾照还有几分", Signal.OWN_RECORD), sure, FRESH);

            assertThat(d).isInstanceOf(Decision.NotFound.class);
            assertThat(((Decision.NotFound) d).why()).isEqualTo(Decision.Beyond.OWN_RECORD);
            assertThat(((Decision.NotFound) d).nearest()).first().isEqualTo(howToQuery);
        }

        @Test
        void says_it_covers_this_city_only__when_asked_about_another_citys_rules_however_sure_the_item() {
            Candidate dibaoStandard = candidate("guide-a", "收费标准", 6.0);
            SearchResult sure = new SearchResult(List.of(dibaoStandard, feesSection), 0.95, true);
            SearchResult askedAboutThere = new SearchResult(List.of(dibaoStandard, feesSection), 0.95, true, true);

            assertThat(policy.decide(question("上海的低保标准是多少"), askedAboutThere, FRESH))
                    .isEqualTo(new Decision.NotFound(List.of(), 0.95, Decision.Beyond.OTHER_CITY));
            assertThat(policy.decide(question("我在上海上班 低保标准是多少"), sure, FRESH))
                    .as("a place that is only the citizen's circumstance").isInstanceOf(Decision.AnswerWith.class);
        }

        @Test
        void acknowledges_a_message_that_only_tells_the_situation() {
            Decision d = policy.decide(question("我在外地上班 一直在这边交"),
                    result(0.1, candidate("guide-a", "x", 1.0), otherService), FRESH);

            assertThat(d).isEqualTo(new Decision.AcknowledgeSituation());
        }

        @Test
        void a_short_request_without_the_grammar_of_telling_is_not_taken_for_a_situation() {
            SearchResult unsure = result(0.1, candidate("guide-a", "x", 1.0), otherService);

            assertThat(policy.decide(question("开收入证明"), unsure, FRESH))
                    .isNotEqualTo(new Decision.AcknowledgeSituation());
            assertThat(policy.decide(question("去年换了两次工作"), unsure, FRESH))
                    .isEqualTo(new Decision.AcknowledgeSituation());
        }

        @Test
        void a_question_is_not_taken_for_a_situation() {
            Decision d = policy.decide(question("我在外地上班 能在这边交吗"),
                    result(0.1, candidate("guide-a", "x", 1.0), otherService), FRESH);

            assertThat(d).isNotEqualTo(new Decision.AcknowledgeSituation());
        }
    }
}
