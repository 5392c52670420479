package org.civicassist.kb.io;

import org.civicassist.kb.model.Faq;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Writes FAQs as {@code faq.jsonl} in the KB format: one object a line, fields in the documented order. */
public final class FaqJsonl {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FaqJsonl() {
    }

    public static String toJsonl(List<Faq> faqs) {
        StringBuilder out = new StringBuilder();
        for (Faq faq : faqs) {
            ObjectNode node = JSON.createObjectNode();
            node.put("id", faq.id());
            node.put("domain", faq.domain());
            node.put("question", faq.question());
            ArrayNode similar = node.putArray("similar");
            faq.similar().forEach(similar::add);
            node.put("answer", faq.answer());
            if (faq.guideId() == null) {
                node.putNull("guide");
            } else {
                node.put("guide", faq.guideId());
            }
            out.append(JSON.writeValueAsString(node)).append('\n');
        }
        return out.toString();
    }

    /**
     * Replaces {@code file} in one step (write aside, then rename), so that a watcher reloading the KB, or a crash,
     * never sees half a file.
     */
    public static void write(Path file, List<Faq> faqs) {
        AtomicFile.replace(file, out -> out.write(toJsonl(faqs).getBytes(StandardCharsets.UTF_8)));
    }
}
