package org.civicassist.assistant.pipeline;

import org.civicassist.assistant.testing.HashingEmbedder;
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

    @Test
    void a_follow_up_read_both_ways_searches_each_reading_once_without_an_answer_cache() {
        RecordingEmbedder embedder = new RecordingEmbedder();
        AssistantAssembly assembly = AssistantAssembly.create(KbSource.directory(TinyKb.writeTo(kbDir)),
                LoadMode.STRICT, Optional.empty(), embedder, Clock.systemUTC());
        Assistant assistant = assembly.assistant();
        Turn first = assistant.respond(DialogueState.initial(), "社保卡丢了怎么补办");
        embedder.embedded.clear();

        // 身份证 is among the card's materials: the message is read as a follow-up and alone, and it is alone twice
        // (to see whether it starts a new topic, and to compare readings)
        assistant.respond(first.next(), "身份证要带吗");

        assertThat(embedder.embedded).hasSize(2).containsOnlyOnce("身份证要带吗"); // and the message with its service
    }
}
