package org.civicassist.assistant.pipeline;

import org.civicassist.assistant.testing.HashingEmbedder;
import org.civicassist.assistant.reply.ReplyType;
import org.civicassist.assistant.testing.TinyKb;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class AssistantTest {

    /** The hashing embedder, noting every text it is asked to embed. */
    static final class RecordingEmbedder implements Embedder {
        final HashingEmbedder hashing = new HashingEmbedder();
        final List<String> embedded = new CopyOnWriteArrayList<>();

        @Override
        public String modelId() {
            return hashing.modelId();
        }

        @Override
        public int dimension() {
            return hashing.dimension();
        }

        @Override
        public float[] embed(String text) {
            embedded.add(text);
            return hashing.embed(text);
        }
    }

    @TempDir
    Path kbDir;

    final RecordingEmbedder embedder = new RecordingEmbedder();

    /** The follow-up's turn, after a first question about the social security card; only its embeddings recorded. */
    private Turn followUpOfTheCardQuestion(String message) {
        Assistant assistant = AssistantAssembly.create(KbSource.directory(TinyKb.writeTo(kbDir)), LoadMode.STRICT,
                Optional.empty(), embedder, Clock.systemUTC()).assistant();
        Turn first = assistant.respond(DialogueState.initial(), "社保卡丢了怎么补办");
        embedder.embedded.clear();
        return assistant.respond(first.next(), message);
    }

    @Test
    void a_request_for_a_service_it_does_not_name_is_offered_its_items__and_that_service_holds_for_what_follows() {
        Assistant assistant = AssistantAssembly.create(KbSource.directory(TinyKb.writeTo(kbDir)), LoadMode.STRICT,
                Optional.empty(), embedder, Clock.systemUTC()).assistant();

        Turn request = assistant.respond(DialogueState.initial(), "想补领卡");

        assertThat(request.reply().type()).as("reply %s", request.reply()).isEqualTo(ReplyType.CLARIFY);
        assertThat(request.reply().options()).isNotEmpty().allMatch(o -> o.id().contains("card"));
        assertThat(request.next().topicServiceId()).contains("guide-card");
        assertThat(request.next().unresolvedStreak()).as("no failed attempt").isZero();
        assertThat(request.next().lastAnswer()).as("nothing answered").isEmpty();
        assertThat(request.next().offeredOptions()).isNotEmpty();
    }

    @Test
    void a_follow_up_read_both_ways_embeds_each_reading_once_without_an_answer_cache() {
        // 身份证 is among the card's materials: the message is read as a follow-up and alone
        followUpOfTheCardQuestion("身份证要带吗");

        assertThat(embedder.embedded).hasSize(2).containsOnlyOnce("身份证要带吗"); // and the message with its service
    }

    @Test
    void a_follow_up_without_a_service_term_is_searched_once_with_its_context_and_weighed_by_itself__its_new_topic_check_reads_the_titles() {
        Turn followUp = followUpOfTheCardQuestion("那要多久");

        assertThat(followUp.trace().followUp()).isTrue();
        // the message with its service, and the message alone, which the ranker weighs each item against
        assertThat(embedder.embedded).hasSize(2).containsOnlyOnce("那要多久");
    }

    @Test
    void a_follow_up_that_only_tells_whose_case_it_is_may_get_the_item_just_answered__one_that_asks_may_not() {
        Assistant assistant = AssistantAssembly.create(KbSource.directory(TinyKb.writeTo(kbDir)), LoadMode.STRICT,
                Optional.empty(), embedder, Clock.systemUTC()).assistant();
        Turn first = assistant.respond(DialogueState.initial(), "社保卡丢了怎么补办");
        String answered = first.next().lastAnswer().orElseThrow();

        Turn told = assistant.respond(first.next(), "我是在外地弄丢的");
        Turn asked = assistant.respond(first.next(), "那要多久");

        assertThat(told.trace().followUp()).isTrue();
        assertThat(told.trace().candidates()).extracting(c -> c.passage().citationKey()).contains(answered);
        assertThat(asked.trace().followUp()).isTrue();
        assertThat(asked.trace().candidates()).extracting(c -> c.passage().citationKey()).doesNotContain(answered);
    }

    @Test
    void a_follow_up_read_alone_replaces_its_reading_with_the_conversation_only_when_clearly_surer() {
        assertThat(Assistant.aloneIsSurer(0.60, 0.65)).as("a little surer: the conversation's reading stays").isFalse();
        assertThat(Assistant.aloneIsSurer(0.60, 0.60 + Assistant.ALONE_SURER_BY)).isFalse();
        assertThat(Assistant.aloneIsSurer(0.60, 0.75)).isTrue();
        assertThat(Assistant.aloneIsSurer(0.80, 0.70)).isFalse();
    }
}
