package io.corsboot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The packages show the architecture: one framework-neutral core, thin adapters around it. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.corsboot");

    @Test
    void theCoreKnowsNoFramework() {
        classes().that().resideInAPackage("io.corsboot.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.corsboot.core..", "java..", "org.jspecify..")
            .check(this.classes);
    }

    @Test
    void theSharedWebLayerKnowsNoWebStack() {
        noClasses().that().resideInAPackage("io.corsboot.web..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web.server..",
                    "org.springframework.web.reactive..", "org.springframework.boot..", "io.corsboot.servlet..",
                    "io.corsboot.reactive..")
            .check(this.classes);
    }

    @Test
    void theStacksNeverImportEachOther() {
        noClasses().that().resideInAPackage("io.corsboot.servlet..")
            .should().dependOnClassesThat().resideInAPackage("io.corsboot.reactive..")
            .check(this.classes);
        noClasses().that().resideInAPackage("io.corsboot.reactive..")
            .should().dependOnClassesThat().resideInAPackage("io.corsboot.servlet..")
            .check(this.classes);
    }

    @Test
    void theEndpointDecidesThroughTheCoreNeverThroughAFilter() {
        noClasses().that().resideInAPackage("io.corsboot.actuate..")
            .should().dependOnClassesThat().resideInAnyPackage("io.corsboot.servlet..", "io.corsboot.reactive..")
            .check(this.classes);
    }

    @Test
    void nothingImportsTheAutoConfiguration() {
        noClasses().that().resideOutsideOfPackage("io.corsboot.autoconfigure..")
            .should().dependOnClassesThat().resideInAPackage("io.corsboot.autoconfigure..")
            .check(this.classes);
    }
}
