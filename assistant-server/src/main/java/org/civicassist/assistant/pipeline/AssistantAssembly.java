package org.civicassist.assistant.pipeline;

import org.civicassist.kb.embed.BgeSmallZhEmbedder;
import org.civicassist.kb.embed.Embedder;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.load.LoadMode;
import org.civicassist.kb.search.AnswerCache;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.civicassist.kb.search.KnowledgeSearchBuilder;
import org.civicassist.nlp.ChineseNlp;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Puts the answer path together in plain Java, the one way both the server (through its Spring configuration) and
 * the evaluation harness build it, so that what is measured is what answers.
 */
public record AssistantAssembly(ChineseNlp nlp, KnowledgeBaseService knowledge, Assistant assistant)
        implements AutoCloseable {

    /**
     * @param source where the KB comes from
     * @param mode   what a bad KB entry does
     * @param store  where vectors and the index persist between runs; empty keeps them in memory
     * @param embedder the embedding model (bge-small-zh in production)
     */
    public static AssistantAssembly create(KbSource source, LoadMode mode, Optional<Path> store, Embedder embedder,
                                           Clock clock) {
        return create(source, mode, store, embedder, clock, QuestionRewriter.NONE, AnswerWriter.EXTRACTIVE);
    }

    /**
     * The same with a language model's part: a rewriter of follow-ups and a writer of answers (see the {@code llm}
     * package, {@code LlmHooks}); {@link QuestionRewriter#NONE} and {@link AnswerWriter#EXTRACTIVE} leave them out.
     */
    public static AssistantAssembly create(KbSource source, LoadMode mode, Optional<Path> store, Embedder embedder,
                                           Clock clock, QuestionRewriter rewriter, AnswerWriter writer) {
        return create(source, mode, store, embedder, clock, rewriter, writer, AnswerCache.disabled());
    }

    /**
     * The same, with the results of stand-alone questions cached across turns (the server's; see
     * {@link AnswerCache}). Without it every question is searched afresh.
     */
    public static AssistantAssembly create(KbSource source, LoadMode mode, Optional<Path> store, Embedder embedder,
                                           Clock clock, QuestionRewriter rewriter, AnswerWriter writer,
                                           AnswerCache answers) {
        ChineseNlp nlp = ChineseNlp.bundled();
        KnowledgeBaseService knowledge = new KnowledgeBaseService(source, mode,
                new KnowledgeSearchBuilder(nlp, embedder, store, answers), clock).start();
        Assistant assistant = new Assistant(nlp.understander(), knowledge, new FollowUpResolver(), new Composer(),
                rewriter, writer);
        return new AssistantAssembly(nlp, knowledge, assistant);
    }

    public static AssistantAssembly create(KbSource source, LoadMode mode, Optional<Path> store) {
        return create(source, mode, store, new BgeSmallZhEmbedder(), Clock.systemUTC());
    }

    @Override
    public void close() {
        knowledge.close();
    }
}
