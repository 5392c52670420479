package org.civicassist.kb.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A loaded knowledge base: guides and FAQs, with lookups by id. Immutable. */
public final class KnowledgeBase {

    private final Map<String, Guide> guides;
    private final Map<String, Faq> faqs;
    private final Map<String, List<Faq>> faqsByGuide; // asked on the answer path (a follow-up's terms): built once

    public KnowledgeBase(List<Guide> guides, List<Faq> faqs) {
        this.guides = index(guides, Guide::id);
        this.faqs = index(faqs, Faq::id);
        this.faqsByGuide = faqs.stream().filter(f -> f.guideId() != null)
                .collect(Collectors.groupingBy(Faq::guideId, LinkedHashMap::new, Collectors.toUnmodifiableList()));
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> {
            throw new IllegalArgumentException("duplicate id " + id.apply(a));
        }, LinkedHashMap::new));
    }

    public List<Guide> guides() {
        return List.copyOf(guides.values());
    }

    public List<Faq> faqs() {
        return List.copyOf(faqs.values());
    }

    public Optional<Guide> guide(String id) {
        return Optional.ofNullable(guides.get(id));
    }

    public Optional<Faq> faq(String id) {
        return Optional.ofNullable(faqs.get(id));
    }

    /** FAQs whose answer comes from the given guide, in file order. */
    public List<Faq> faqsOfGuide(String guideId) {
        return faqsByGuide.getOrDefault(guideId, List.of());
    }

    /**
     * Whether a service's own text (its guide's title and sections and the FAQs answered from it, or a FAQ without a
     * guide) mentions the term: 户口簿 is among the materials of 结婚登记, so a question about it is about the marriage.
     */
    public boolean serviceMentions(String serviceId, String term) {
        Guide g = guides.get(serviceId);
        if (g == null) {
            Faq f = faqs.get(serviceId);
            return f != null && mentions(f, term);
        }
        return g.title().contains(term) || g.sections().stream().anyMatch(s -> s.body().contains(term))
                || faqsOfGuide(serviceId).stream().anyMatch(f -> mentions(f, term));
    }

    private static boolean mentions(Faq f, String term) {
        return f.question().contains(term) || f.answer().contains(term);
    }

    public int size() {
        return guides.size() + faqs.size();
    }
}
