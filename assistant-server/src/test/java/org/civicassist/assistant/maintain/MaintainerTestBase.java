package org.civicassist.assistant.maintain;

import org.civicassist.assistant.testing.HandoffApplicationTestBase;
import org.civicassist.kb.load.KbSource;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The application over its own tiny KB directory (a context of its own, so that the FAQ edits of these tests never
 * reach the KB the other handoff tests answer from).
 */
@TestPropertySource(properties = "spring.application.name=maintainer-tests")
abstract class MaintainerTestBase extends HandoffApplicationTestBase {

    @Autowired
    protected KnowledgeBaseService knowledge;

    protected Path kbDirectory() {
        return knowledge.source().directory().orElseThrow();
    }

    protected String faqFile() {
        try {
            return Files.readString(kbDirectory().resolve(KbSource.FAQ_FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
