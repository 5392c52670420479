package org.civicassist.kb.model;

import java.util.Objects;

/** One {@code ## } section of a service guide: its heading (办理时限, 申请材料 …) and its Markdown body. */
public record GuideSection(String heading, String body) {
    public GuideSection {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(body, "body");
    }
}
