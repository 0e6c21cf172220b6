package io.corsboot.autoconfigure;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.javapoet.ClassName;
import org.springframework.web.context.support.GenericWebApplicationContext;

import io.corsboot.actuate.CorsEndpoint.CandidateDescriptor;
import io.corsboot.actuate.CorsEndpoint.CheckDescriptor;
import io.corsboot.actuate.CorsEndpoint.CheckError;
import io.corsboot.actuate.CorsEndpoint.CorsDescriptor;
import io.corsboot.actuate.CorsEndpoint.MigrationDescriptor;
import io.corsboot.actuate.CorsEndpoint.PendingSupplierDescriptor;
import io.corsboot.actuate.CorsEndpoint.PolicyDescriptor;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.core.Reason;
import io.corsboot.migration.MigrationReport.ConfigurationReport;
import io.corsboot.migration.MigrationReport.NotCarriedOver;
import io.corsboot.migration.MigrationReport.Shadow;
import io.corsboot.migration.MigrationReport.SpringSettings;
import io.corsboot.migration.SpringCorsEntry;
import io.corsboot.testing.BootLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.aot.hint.predicate.RuntimeHintsPredicates.reflection;
import static org.springframework.aot.hint.predicate.RuntimeHintsPredicates.resource;

class CorsRuntimeHintsTests {

    @Test
    void corsPropertiesCanBeBound() {
        RuntimeHints hints = hintsOf(new CorsRuntimeHints());
        assertThat(reflection().onType(CorsProperties.class)).accepts(hints);
        assertThat(BootLine.invokesMethod(CorsProperties.class, "getPolicies")).accepts(hints);
        assertThat(BootLine.invokesMethod(CorsProperties.Policy.class, "setPaths")).accepts(hints);
        assertThat(BootLine.invokesMethod(CorsProperties.PolicySettings.class, "setAllowedOrigins"))
            .accepts(hints);
        assertThat(BootLine.accessesField(CorsProperties.Policy.class, "paths")).accepts(hints);
        assertThat(BootLine.accessesField(CorsProperties.PolicySettings.class, "allowedOrigins")).accepts(hints);
    }

    @Test
    void theSpringBootLineTheStarterWasBuiltForCanBeRead() {
        assertThat(resource().forResource(SpringBootLineGuard.DESCRIPTOR)).accepts(hintsOf(new CorsRuntimeHints()));
    }

    @Test
    void thePublicSuffixListCanBeRead() {
        assertThat(resource().forResource(PublicSuffixes.RULES)).accepts(hintsOf(new CorsRuntimeHints()));
    }

    @Test
    void policySpecsCanBeBuiltThroughTheirCanonicalConstructor() throws NoSuchMethodException {
        RuntimeHints hints = hintsOf(new CorsRuntimeHints());
        Class<?>[] components = Arrays.stream(CorsPolicySpec.class.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
        assertThat(BootLine.invokesConstructor(CorsPolicySpec.class.getDeclaredConstructor(components)))
            .accepts(hints);
        assertThat(BootLine.invokesMethod(CorsPolicySpec.class, "paths")).accepts(hints);
    }

    @Test
    void theEndpointsResponsesCanBeWrittenAsJson() {
        RuntimeHints hints = hintsOf(new CorsEndpointRuntimeHints());
        for (Class<?> record : new Class<?>[] { CorsDescriptor.class, PolicyDescriptor.class, CheckDescriptor.class,
                CandidateDescriptor.class, PendingSupplierDescriptor.class, CheckError.class }) {
            assertThat(reflection().onType(record)).as(record.getSimpleName()).accepts(hints);
        }
        assertThat(BootLine.invokesMethod(CorsDescriptor.class, "policies")).accepts(hints);
        assertThat(BootLine.invokesMethod(PolicyDescriptor.class, "allowedOrigins")).accepts(hints);
        assertThat(BootLine.invokesMethod(CheckDescriptor.class, "responseHeaders")).accepts(hints);
        assertThat(BootLine.invokesMethod(CheckError.class, "message")).accepts(hints);
        assertThat(reflection().onType(Reason.class)).accepts(hints);
    }

    @Test
    void theMigrationReportCanBeWrittenAsJson() {
        RuntimeHints hints = hintsOf(new CorsEndpointRuntimeHints());
        for (Class<?> record : new Class<?>[] { MigrationDescriptor.class, ConfigurationReport.class,
                SpringSettings.class, Shadow.class, NotCarriedOver.class }) {
            assertThat(reflection().onType(record)).as(record.getSimpleName()).accepts(hints);
        }
        assertThat(BootLine.invokesMethod(MigrationDescriptor.class, "configurations")).accepts(hints);
        assertThat(BootLine.invokesMethod(ConfigurationReport.class, "notCarriedOver")).accepts(hints);
        assertThat(BootLine.invokesMethod(SpringSettings.class, "maxAgeSeconds")).accepts(hints);
        assertThat(reflection().onType(SpringCorsEntry.Kind.class)).accepts(hints);
    }

    @Test
    void theMigrationReportCanReadWhatSpringResolved() {
        RuntimeHints hints = hintsOf(new MigrationRuntimeHints());
        assertThat(BootLine.invokesMethod(
                org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class,
                "initCorsConfiguration")).accepts(hints);
        assertThat(BootLine.invokesMethod(
                org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping.class,
                "initCorsConfiguration")).accepts(hints);
        assertThat(BootLine.accessesField(org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource.class,
                "corsConfigurations")).accepts(hints);
    }

    @Test
    void aheadOfTimeProcessingOfTheAutoConfigurationsContributesTheHints() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class, CorsServletAutoConfiguration.class,
                    CorsEndpointAutoConfiguration.class, CorsMigrationAutoConfiguration.class))
            .withConfiguration(BootLine.SERVLET_SECURITY)
            .withPropertyValues("cors.policies.api.paths=/api/**",
                    "cors.policies.api.allowed-origins=https://app.example.com",
                    "management.endpoints.web.exposure.include=cors")
            .prepare((context) -> {
                DefaultGenerationContext generation = new DefaultGenerationContext(
                        new ClassNameGenerator(ClassName.get("com.example", "Application")),
                        new InMemoryGeneratedFiles());
                GenericWebApplicationContext source = context
                    .getSourceApplicationContext(GenericWebApplicationContext.class);
                new ApplicationContextAotGenerator().processAheadOfTime(source, generation);
                RuntimeHints hints = generation.getRuntimeHints();
                assertThat(BootLine.invokesMethod(CorsProperties.class, "getPolicies")).accepts(hints);
                assertThat(BootLine.invokesMethod(CheckError.class, "message")).accepts(hints);
                assertThat(BootLine.invokesMethod(
                        org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class,
                        "initCorsConfiguration")).accepts(hints);
            });
    }

    private static RuntimeHints hintsOf(RuntimeHintsRegistrar registrar) {
        RuntimeHints hints = new RuntimeHints();
        registrar.registerHints(hints, CorsRuntimeHintsTests.class.getClassLoader());
        return hints;
    }
}
