package org.civicassist.kb.passage;

import org.civicassist.kb.model.Faq;
import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.GuideSection;
import org.civicassist.kb.model.KnowledgeBase;

import java.util.ArrayList;
import java.util.List;

/** Turns a knowledge base into passages: one per FAQ, one per chunk of each guide section. */
public final class PassageBuilder {

    private final Chunker chunker;

    public PassageBuilder(Chunker chunker) {
        this.chunker = chunker;
    }

    public List<Passage> build(KnowledgeBase kb) {
        List<Passage> passages = new ArrayList<>();
        for (Faq faq : kb.faqs()) {
            Guide guide = faq.guideId() == null ? null : kb.guide(faq.guideId()).orElse(null);
            List<String> questions = new ArrayList<>();
            questions.add(faq.question());
            questions.addAll(faq.similar());
            passages.add(new Passage(faq.id(), PassageKind.FAQ, faq.id(), null, faq.guideId(),
                    guide != null ? guide.title() : faq.question(), faq.domain(), questions, faq.answer(),
                    guide != null ? guide.url() : null));
        }
        for (Guide guide : kb.guides()) {
            for (GuideSection section : guide.sections()) {
                List<String> chunks = chunker.chunk(section.body());
                for (int i = 0; i < chunks.size(); i++) {
                    passages.add(new Passage(guide.id() + "#" + section.heading() + "#" + i, PassageKind.SECTION,
                            guide.id(), section.heading(), guide.id(), guide.title(), guide.domain(), List.of(),
                            chunks.get(i), guide.url()));
                }
            }
        }
        return passages;
    }
}
