package io.corsboot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The packages show the architecture: one framework-neutral core, thin adapters around it. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        // The core's test jar, which a full build puts on the class path in place of its test classes
        .withImportOption((location) -> !location.contains("cors-core-") || !location.contains("-tests.jar"))
        .importPackages("io.corsboot");

    @Test
    void theCoreKnowsNoFramework() {
        classes().that().resideInAPackage("io.corsboot.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.corsboot.core..", "java..", "org.jspecify..")
            .check(this.classes);
    }

    @Test
    void noTwoClassesOfTheCoreCallEachOther() {
        Map<String, Set<String>> calls = new HashMap<>();
        for (JavaClass javaClass : this.classes.that(JavaClass.Predicates.resideInAPackage("io.corsboot.core"))) {
            for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
                String caller = topLevel(javaClass);
                String callee = topLevel(access.getTargetOwner());
                if (!caller.equals(callee) && callee.startsWith("io.corsboot.core.")) {
                    calls.computeIfAbsent(caller, (name) -> new TreeSet<>()).add(callee);
                }
            }
        }
        List<String> mutual = new ArrayList<>();
        calls.forEach((caller, callees) -> callees.stream()
            .filter((callee) -> caller.compareTo(callee) < 0 && calls.getOrDefault(callee, Set.of()).contains(caller))
            .forEach((callee) -> mutual.add(caller + " <-> " + callee)));
        assertThat(mutual).isEmpty();
    }

    private static String topLevel(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer.getName();
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
    void theMigrationReportReadsSpringsConfigurationNeverTheFilters() {
        noClasses().that().resideInAPackage("io.corsboot.migration..")
            .should().dependOnClassesThat().resideInAnyPackage("io.corsboot.servlet..", "io.corsboot.reactive..",
                    "io.corsboot.actuate..", "io.corsboot.metrics..")
            .check(this.classes);
    }

    @Test
    void nothingOnTheRequestPathKnowsTheMigrationReport() {
        noClasses().that().resideInAnyPackage("io.corsboot.core..", "io.corsboot.web..", "io.corsboot.servlet..",
                "io.corsboot.reactive..", "io.corsboot.metrics..")
            .should().dependOnClassesThat().resideInAPackage("io.corsboot.migration..")
            .check(this.classes);
    }

    @Test
    void nothingImportsTheAutoConfiguration() {
        noClasses().that().resideOutsideOfPackage("io.corsboot.autoconfigure..")
            .should().dependOnClassesThat().resideInAPackage("io.corsboot.autoconfigure..")
            .check(this.classes);
    }
}
