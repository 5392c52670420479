package org.civicassist.eval.fit;

import org.civicassist.eval.question.Question;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.KnowledgeBaseLoader;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.model.Faq;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeldOutSimilarQuestionsTest {

    @TempDir
    Path dir;

    @Test
    void asks_each_similar_question_of_a_copy_without_any_and_leaves_the_kb_and_the_shared_store_alone()
            throws IOException {
        Path kb = Files.createDirectories(dir.resolve("kb"));
        String faqs = String.join("\n",
                "{\"id\": \"faq-card-lost\", \"domain\": \"社保\", \"question\": \"社保卡丢了怎么补办？\", "
                        + "\"similar\": [\"社保卡找不到了\", \"卡丢了咋办\"], \"answer\": \"先挂失，再补领。\", \"guide\": null}",
                "{\"id\": \"faq-card-fee\", \"domain\": \"社保\", \"question\": \"补办社保卡要钱吗？\", "
                        + "\"similar\": [\"补卡收费吗\"], \"answer\": \"工本费 20 元。\", \"guide\": null}") + "\n";
        Files.writeString(kb.resolve("faq.jsonl"), faqs, StandardCharsets.UTF_8);
        Path store = dir.resolve("store");

        HeldOutSimilarQuestions.Prepared p = HeldOutSimilarQuestions.prepare(kb.toString(), dir.resolve("work"), store,
                "kb");

        assertThat(p.questions()).extracting(Question::lastTurn)
                .containsExactly("社保卡找不到了", "卡丢了咋办", "补卡收费吗");
        assertThat(p.questions()).extracting(Question::expect)
                .containsExactly(List.of("faq-card-lost"), List.of("faq-card-lost"), List.of("faq-card-fee"));
        List<Faq> copied = new KnowledgeBaseLoader().load(KbSource.directory(p.kb()), LoadMode.STRICT)
                .knowledgeBase().faqs();
        assertThat(copied).extracting(Faq::id).containsExactly("faq-card-lost", "faq-card-fee");
        assertThat(copied).allSatisfy(f -> assertThat(f.similar()).isEmpty());
        assertThat(copied.get(0).answer()).isEqualTo("先挂失，再补领。");
        assertThat(Files.readString(kb.resolve("faq.jsonl"))).as("the KB itself").isEqualTo(faqs);
        assertThat(Files.isSymbolicLink(store.resolve(p.kb().getFileName().toString()))).isTrue();
        assertThat(Files.readSymbolicLink(store.resolve(p.kb().getFileName().toString())))
                .isEqualTo(store.resolve("kb").toAbsolutePath());
    }
}
