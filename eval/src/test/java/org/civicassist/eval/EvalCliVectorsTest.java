package org.civicassist.eval;

import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.civicassist.kb.embed.ShippedVectors;
import org.civicassist.kb.embed.VectorFile;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.search.KnowledgeSearchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code eval.jar vectors} writes the vectors a KB directory ships: one for each text its build embeds, and after an
 * edit the new text's vector instead of the old one's. A KB of two FAQs, so the real model embeds a dozen texts.
 */
class EvalCliVectorsTest {

    static final String MODEL_ID = BgeSmallZhEmbedder.DEFAULT_WEIGHTS.modelId();

    @TempDir
    Path kb;

    @Test
    void should_write_a_vector_for_every_text_of_the_build__and_replace_an_edited_texts_vector() throws IOException {
        writeFaqs("社保卡补办需要本人身份证原件，可到任一社保服务网点办理。");

        assertThat(new CommandLine(new EvalCli()).execute("vectors", "--kb", kb.toString())).isZero();
        ShippedVectors first = shipped();
        List<String> texts = texts();
        assertThat(texts).allMatch(t -> first.contains(MODEL_ID, t));
        assertThat(first.size()).isEqualTo(new HashSet<>(texts).size());

        // when: an answer is edited and the file written again
        writeFaqs("社保卡补办需要本人身份证原件，也可在江州人社App线上申请，邮寄到家。");
        assertThat(new CommandLine(new EvalCli()).execute("vectors", "--kb", kb.toString())).isZero();

        // then: the new text has its vector, and the old one's is gone (the file holds this KB's texts only)
        ShippedVectors second = shipped();
        List<String> edited = texts();
        assertThat(edited).allMatch(t -> second.contains(MODEL_ID, t));
        assertThat(second.size()).isEqualTo(new HashSet<>(edited).size());
        assertThat(texts).anyMatch(t -> !second.contains(MODEL_ID, t));
    }

    @Test
    void should_refuse_with_exit_code_2__when_the_kb_directory_is_missing() {
        assertThat(new CommandLine(new EvalCli()).execute("vectors", "--kb", kb.resolve("absent").toString()))
                .isEqualTo(2);
        assertThat(kb.resolve("absent")).doesNotExist();
    }

    private void writeFaqs(String firstAnswer) throws IOException {
        Files.writeString(kb.resolve("faq.jsonl"), String.join("\n",
                "{\"id\":\"faq-a\",\"domain\":\"社保\",\"question\":\"社保卡丢了怎么补办？\",\"similar\":[\"社保卡掉了咋办\"],"
                        + "\"answer\":\"" + firstAnswer + "\",\"guide\":null}",
                "{\"id\":\"faq-b\",\"domain\":\"公积金\",\"question\":\"公积金怎么提取？\",\"similar\":[],"
                        + "\"answer\":\"租房、购房、退休可提取住房公积金。\",\"guide\":null}") + "\n",
                StandardCharsets.UTF_8);
    }

    private List<String> texts() {
        return KnowledgeSearchBuilder.embeddedTexts(new KnowledgeBaseLoader().load(KbSource.directory(kb),
                LoadMode.STRICT).knowledgeBase());
    }

    private ShippedVectors shipped() throws IOException {
        try (var in = Files.newInputStream(kb.resolve(VectorFile.fileName(MODEL_ID)))) {
            return ShippedVectors.read(in, MODEL_ID, 512);
        }
    }
}
