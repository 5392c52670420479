package org.civicassist.kb.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service guide (办事指南): front matter and its sections in file order.
 *
 * @param department issuing department, or {@code null}
 * @param audience   who it is for (个人 / 法人 …), or {@code null}
 * @param channels   where it can be done (线上 / 线下), possibly empty
 * @param updated    date of the last update as written, or {@code null}
 * @param url        link to the guide on the government site, or {@code null}
 */
public record Guide(String id, String title, String domain, String department, String audience,
                    List<String> channels, String updated, String url, List<GuideSection> sections) {

    public Guide {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(domain, "domain");
        channels = List.copyOf(channels);
        sections = List.copyOf(sections);
    }

    public Optional<GuideSection> section(String heading) {
        return sections.stream().filter(s -> s.heading().equals(heading)).findFirst();
    }
}
