package org.civicassist.eval;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The harness's packages depend one way: question and respond at the bottom, then score, evaluation, report, and
 * run (which builds respondents and writes reports) at the top; a loop would make a package unreadable alone.
 */
class PackageStructureTest {

    static final JavaClasses EVAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.civicassist.eval");

    @Test
    void the_packages_of_the_harness_have_no_dependency_cycles() {
        slices().matching("org.civicassist.eval.(*)..").should().beFreeOfCycles().check(EVAL);
    }
}
