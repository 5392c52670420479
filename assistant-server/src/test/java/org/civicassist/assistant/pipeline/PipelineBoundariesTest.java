package org.civicassist.assistant.pipeline;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The answer path (normalise → understand → retrieve → rank → decide → compose) is plain Java, so that the evaluation
 * harness runs the very code the server answers with, without Spring; and it knows nothing of the web layer above it.
 */
class PipelineBoundariesTest {

    static final JavaClasses ASSISTANT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.civicassist.assistant");

    @Test
    void the_pipeline_and_its_replies_use_no_spring() {
        noClasses().that().resideInAnyPackage("..assistant.pipeline..", "..assistant.reply..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(ASSISTANT);
    }

    @Test
    void the_pipeline_knows_nothing_of_the_layers_that_serve_it() {
        noClasses().that().resideInAnyPackage("..assistant.pipeline..", "..assistant.reply..")
                .should().dependOnClassesThat().resideInAnyPackage("..assistant.chat..", "..assistant.config..",
                        "..assistant.conversation..", "..assistant.handoff..", "..assistant.staff..",
                        "..assistant.web..", "..assistant.security..", "..assistant.ratelimit..")
                .check(ASSISTANT);
        // the rule is not vacuous: the chat layer does use the pipeline
        assertThatThrownBy(() -> noClasses().that().resideInAPackage("..assistant.chat..")
                .should().dependOnClassesThat().resideInAPackage("..assistant.pipeline..").check(ASSISTANT))
                .isInstanceOf(AssertionError.class);
    }
}
