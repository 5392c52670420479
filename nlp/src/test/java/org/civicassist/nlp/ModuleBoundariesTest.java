package org.civicassist.nlp;

import com.hankcs.hanlp.HanLP;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module stays pure Java: no Spring, no other module, HanLP's global configuration touched in one place. */
class ModuleBoundariesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.civicassist.nlp");

    @Test
    void should_depend_only_on_the_jdk_lucene_and_hanlp() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.civicassist.nlp..", "org.apache.lucene..", "com.hankcs.hanlp..")
                .check(MAIN);
    }

    @Test
    void should_touch_hanlp_global_configuration_only_in_the_runtime_class() {
        noClasses().that().doNotHaveSimpleName("HanLpRuntime")
                .should().accessClassesThat().belongToAnyOf(HanLP.class)
                .check(MAIN);
        // the rule is not vacuous: the runtime class itself breaks it
        assertThatThrownBy(() -> noClasses().should().accessClassesThat().belongToAnyOf(HanLP.class).check(MAIN))
                .isInstanceOf(AssertionError.class).hasMessageContaining("HanLpRuntime");
    }

    @Test
    void should_use_the_dictionaries_bundled_in_the_portable_jar() {
        HanLpRuntime.configure();
        assertThat(HanLP.Config.CoreDictionaryPath).startsWith(HanLpRuntime.DATA);
        assertThat(HanLP.Config.IOAdapter).isInstanceOf(com.hankcs.hanlp.corpus.io.ResourceIOAdapter.class);
        assertThat(HanLP.Config.Normalization).isFalse();
    }
}
