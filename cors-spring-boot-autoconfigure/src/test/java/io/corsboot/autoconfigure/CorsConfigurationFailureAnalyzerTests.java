package io.corsboot.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What a user reads when the CORS configuration stops the application.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorsConfigurationFailureAnalyzerTests {

    private static final String CONFIG = "--spring.config.location=classpath:invalid-cors.yml";

    private static final String CANDIDATE_CONFIG = "--spring.config.location=classpath:invalid-cors-candidate.yml";

    private static final String EXPOSED_HEADERS_CONFIG =
            "--spring.config.location=classpath:invalid-cors-exposed-headers.yml";

    @Test
    void explainsEveryProblemOfAStartupFailureWhereItWasConfigured() {
        FailureAnalysis analysis = analysis(CONFIG);
        assertThat(analysis.getDescription()).isEqualToNormalizingNewlines("""
                The CORS configuration has 6 problems.

                  Property: cors.policies.partner-api.max-age
                  Value:    "1 hour"
                  Origin:   class path resource [invalid-cors.yml] - 10:16
                  Problem:  "1 hour" is not a duration.
                  Fix:      Use a duration such as 30m, 1h or PT1H, or a number of seconds.

                  Property: cors.policies.partner-api.allowed-header
                  Value:    "X-Requested-With"
                  Origin:   class path resource [invalid-cors.yml] - 8:23
                  Problem:  'allowed-header' is not a CORS property, so its value would be ignored.
                  Fix:      Did you mean 'allowed-headers'? Correct the key, or remove it.

                  Property: cors.policies.partner-api.allowed-origins[0]
                  Value:    "*"
                  Origin:   class path resource [invalid-cors.yml] - 6:11
                  Problem:  "*" allows every origin, and browsers refuse "*" when allow-credentials is true.
                  Fix:      List the trusted origins, or use allowed-origin-patterns such as "https://*.example.com".

                  Property: cors.policies.partner-api.allowed-origins[1]
                  Value:    "https://app.example.com/"
                  Origin:   class path resource [invalid-cors.yml] - 7:11
                  Problem:  "https://app.example.com/" has a trailing slash, and browsers never send one in an \
                origin, so it can never match.
                  Fix:      Remove it: "https://app.example.com".

                  Property: cors.policies.reports.allowed-origins[1]
                  Value:    "https://admin.example.com/"
                  Origin:   class path resource [invalid-cors.yml] - 12:24
                  Problem:  "https://admin.example.com/" has a trailing slash, and browsers never send one in an \
                origin, so it can never match.
                  Fix:      Remove it: "https://admin.example.com".

                  Property: cors.policies.reports.paths
                  Problem:  Policy 'reports' has no paths, so it covers no request.
                  Fix:      Add the paths it covers, such as cors.policies.reports.paths=/api/**.""");
        assertThat(analysis.getAction()).isEqualTo("Change the properties listed above.");
    }

    @Test
    void namesAMistakeThatACandidateInheritsOnceAndACandidateOnlyMistakeAtTheCandidate() {
        assertThat(analysis(CANDIDATE_CONFIG).getDescription()).isEqualToNormalizingNewlines("""
                The CORS configuration has 3 problems.

                  Property: cors.policies.partner-api.allowed-origins[0]
                  Value:    "*"
                  Origin:   class path resource [invalid-cors-candidate.yml] - 6:11
                  Problem:  For security reasons, "*" and allow-private-network cannot both be set: every public \
                website could then reach this private-network server.
                  Fix:      List the trusted origins, or set allow-private-network to false.

                  Property: cors.policies.partner-api.allowed-origins[1]
                  Value:    "https://app.example.com/"
                  Origin:   class path resource [invalid-cors-candidate.yml] - 7:11
                  Problem:  "https://app.example.com/" has a trailing slash, and browsers never send one in an \
                origin, so it can never match.
                  Fix:      Remove it: "https://app.example.com".

                  Property: cors.policies.partner-api.candidate.allow-credentials
                  Value:    "true"
                  Origin:   class path resource [invalid-cors-candidate.yml] - 11:28
                  Problem:  "*" allows every origin, and browsers refuse "*" when allow-credentials is true. The \
                candidate inherits "*" from cors.policies.partner-api.allowed-origins[0].
                  Fix:      List the trusted origins, or use allowed-origin-patterns such as "https://*.example.com".""");
    }

    @Test
    void namesEachElementOfAListAtTheIndexAsWrittenWhenAnInvalidOneComesFirst() {
        assertThat(analysis(EXPOSED_HEADERS_CONFIG).getDescription()).isEqualToNormalizingNewlines("""
                The CORS configuration has 2 problems.

                  Property: cors.policies.api.exposed-headers[0]
                  Value:    "bad header"
                  Origin:   class path resource [invalid-cors-exposed-headers.yml] - 6:25
                  Problem:  "bad header" is not a valid header name: only letters, digits and !#$%&'*+-.^_`|~ are \
                allowed (RFC 9110, section 5.6.2).
                  Fix:      Correct it, or list each header name as its own element, such as \
                [Content-Type, Authorization].

                  Property: cors.policies.api.exposed-headers[1]
                  Value:    "*"
                  Origin:   class path resource [invalid-cors-exposed-headers.yml] - 6:39
                  Problem:  Browsers take "*" in Access-Control-Expose-Headers literally when allow-credentials is \
                true, so no header would be exposed.
                  Fix:      List the headers to expose, such as [X-Request-Id].""");
    }

    @Test
    void showsAListElementFromTheSourceThatSuppliedTheWholeList() {
        assertThat(analysis(EXPOSED_HEADERS_CONFIG, "--cors.policies.api.exposed-headers=*").getDescription())
            .isEqualToNormalizingNewlines("""
                The CORS configuration has 1 problem.

                  Property: cors.policies.api.exposed-headers[0]
                  Value:    "*"
                  Origin:   "cors.policies.api.exposed-headers" from property source "commandLineArgs"
                  Problem:  Browsers take "*" in Access-Control-Expose-Headers literally when allow-credentials is \
                true, so no header would be exposed.
                  Fix:      List the headers to expose, such as [X-Request-Id].""");
    }

    @Test
    void showsTheValueOfTheProblemWhenTheEnvironmentIsUnknown() {
        Throwable failure = startupFailure(new StandardEnvironment(), CONFIG);
        FailureAnalysis analysis = new CorsConfigurationFailureAnalyzer(null).analyze(failure);
        assertThat(analysis.getDescription()).doesNotContain("Origin:")
            .contains(String.format("  Property: cors.policies.partner-api.allowed-origins[1]%n"
                    + "  Value:    \"https://app.example.com/\"%n  Problem:  "));
    }

    @Test
    void comesBeforeBootsAnalyzers() {
        ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
            .and(Environment.class, new StandardEnvironment());
        // Boot's analyzers for libraries absent from the class path (Bean Validation, ...) fail to load: skip them.
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
            .load(FailureAnalyzer.class, arguments, FailureHandler.handleMessage((message, failure) -> {
            }));
        assertThat(analyzers).hasSizeGreaterThan(1).first().isInstanceOf(CorsConfigurationFailureAnalyzer.class);
    }

    @Test
    void reportsARealStartupFailure(CapturedOutput output) {
        startupFailure(new StandardEnvironment(), CONFIG);
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains(String.format("Description:%n%nThe CORS configuration has 6 problems.%n%n"
                    + "  Property: cors.policies.partner-api.max-age%n  Value:    \"1 hour\"%n"
                    + "  Origin:   class path resource [invalid-cors.yml] - 10:16%n"))
            .contains(String.format("%nAction:%n%nChange the properties listed above.%n"));
    }

    /** The analysis of the failure to start with the given arguments, where each value's origin is known. */
    private static FailureAnalysis analysis(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        Throwable failure = startupFailure(environment, args);
        return new CorsConfigurationFailureAnalyzer(environment).analyze(failure);
    }

    private static Throwable startupFailure(ConfigurableEnvironment environment, String... args) {
        SpringApplication application = new SpringApplication(InvalidCorsApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setEnvironment(environment);
        Throwable failure = catchThrowable(() -> application.run(args));
        assertThat(failure).isNotNull();
        return failure;
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(CorsAutoConfiguration.class)
    static class InvalidCorsApplication {

    }
}
