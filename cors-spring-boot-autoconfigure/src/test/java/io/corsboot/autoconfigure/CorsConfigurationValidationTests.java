package io.corsboot.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.StringUtils;

import io.corsboot.core.ConfigProblem;
import io.corsboot.core.ConfigProblem.Code;
import io.corsboot.core.CorsConfigurationException;
import io.corsboot.web.PolicySnapshotHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every startup validation rule and warning: each configuration names the problem's code and property path.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorsConfigurationValidationTests {

    private static final String API = "cors.policies.api.";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CorsAutoConfiguration.class))
        .withPropertyValues(API + "paths=/api/**");

    record Invalid(String name, List<String> properties, List<Reported> expected) {

        Invalid(String name, List<String> properties, Code code, String property) {
            this(name, properties, List.of(new Reported(code, property)));
        }

        @Override
        public String toString() {
            return this.name;
        }
    }

    record Reported(Code code, String property) {
    }

    static Stream<Invalid> errors() {
        return Stream.of(
                new Invalid("\"*\" with credentials",
                        List.of(API + "allowed-origins=*", API + "allow-credentials=true"),
                        Code.WILDCARD_ORIGIN_WITH_CREDENTIALS, API + "allowed-origins[0]"),
                new Invalid("\"*\" with private network",
                        List.of(API + "allowed-origins=*", API + "allow-private-network=true"),
                        Code.WILDCARD_ORIGIN_WITH_PRIVATE_NETWORK, API + "allowed-origins[0]"),
                new Invalid("\"null\" with credentials",
                        List.of(API + "allowed-origins=https://app.example.com,null", API + "allow-credentials=true"),
                        Code.NULL_ORIGIN_WITH_CREDENTIALS, API + "allowed-origins[1]"),
                new Invalid("pattern \"*\" with credentials",
                        List.of(API + "allowed-origin-patterns=*", API + "allow-credentials=true"),
                        Code.BROAD_PATTERN_WITH_CREDENTIALS, API + "allowed-origin-patterns[0]"),
                new Invalid("every https origin with credentials",
                        List.of(API + "allowed-origin-patterns=https://*", API + "allow-credentials=true"),
                        Code.BROAD_PATTERN_WITH_CREDENTIALS, API + "allowed-origin-patterns[0]"),
                new Invalid("every https origin on any port with credentials",
                        List.of(API + "allowed-origin-patterns=https://*:[*]", API + "allow-credentials=true"),
                        Code.BROAD_PATTERN_WITH_CREDENTIALS, API + "allowed-origin-patterns[0]"),
                new Invalid("every http origin with private network",
                        List.of(API + "allowed-origin-patterns=http://*", API + "allow-private-network=true"),
                        Code.BROAD_PATTERN_WITH_PRIVATE_NETWORK, API + "allowed-origin-patterns[0]"),
                new Invalid("every .com domain with credentials",
                        List.of(API + "allowed-origin-patterns=https://*.com", API + "allow-credentials=true"),
                        Code.PUBLIC_SUFFIX_PATTERN_WITH_CREDENTIALS, API + "allowed-origin-patterns[0]"),
                new Invalid("every .co.uk domain with credentials",
                        List.of(API + "allowed-origin-patterns=https://*.co.uk", API + "allow-credentials=true"),
                        Code.PUBLIC_SUFFIX_PATTERN_WITH_CREDENTIALS, API + "allowed-origin-patterns[0]"),
                new Invalid("every github.io site with credentials (a private suffix)",
                        List.of(API + "allowed-origin-patterns=https://*.github.io", API + "allow-credentials=true"),
                        Code.PUBLIC_SUFFIX_PATTERN_WITH_CREDENTIALS, API + "allowed-origin-patterns[0]"),
                new Invalid("origin with a trailing slash",
                        List.of(API + "allowed-origins=https://app.example.com/"),
                        Code.ORIGIN_HAS_PATH, API + "allowed-origins[0]"),
                new Invalid("origin with a path",
                        List.of(API + "allowed-origins=https://app.example.com/app"),
                        Code.ORIGIN_HAS_PATH, API + "allowed-origins[0]"),
                new Invalid("origin with a query",
                        List.of(API + "allowed-origins=https://app.example.com?page=1"),
                        Code.ORIGIN_HAS_PATH, API + "allowed-origins[0]"),
                new Invalid("origin with a fragment",
                        List.of(API + "allowed-origins=https://app.example.com#top"),
                        Code.ORIGIN_HAS_PATH, API + "allowed-origins[0]"),
                new Invalid("pattern with a trailing slash",
                        List.of(API + "allowed-origin-patterns=https://*.example.com/"),
                        Code.ORIGIN_HAS_PATH, API + "allowed-origin-patterns[0]"),
                new Invalid("origin without a scheme",
                        List.of(API + "allowed-origins=app.example.com"),
                        Code.ORIGIN_WITHOUT_SCHEME, API + "allowed-origins[0]"),
                new Invalid("pattern without a scheme",
                        List.of(API + "allowed-origin-patterns=*.example.com"),
                        Code.ORIGIN_WITHOUT_SCHEME, API + "allowed-origin-patterns[0]"),
                new Invalid("origin with user information",
                        List.of(API + "allowed-origins=https://user@app.example.com"),
                        Code.ORIGIN_HAS_USERINFO, API + "allowed-origins[0]"),
                new Invalid("origin with a port out of range",
                        List.of(API + "allowed-origins=https://app.example.com:70000"),
                        Code.ORIGIN_MALFORMED, API + "allowed-origins[0]"),
                new Invalid("wildcard in an exact origin",
                        List.of(API + "allowed-origins=https://*.example.com"),
                        Code.ORIGIN_MALFORMED, API + "allowed-origins[0]"),
                new Invalid("wildcard inside a label under a public suffix",
                        List.of(API + "allowed-origin-patterns=https://*example.com"),
                        Code.PARTIAL_LABEL_UNDER_PUBLIC_SUFFIX, API + "allowed-origin-patterns[0]"),
                new Invalid("wildcard inside a label under a shared platform's suffix",
                        List.of(API + "allowed-origin-patterns=https://*-team.vercel.app"),
                        Code.PARTIAL_LABEL_UNDER_PUBLIC_SUFFIX, API + "allowed-origin-patterns[0]"),
                new Invalid("two wildcards in a label",
                        List.of(API + "allowed-origin-patterns=https://*-*.example.com"),
                        Code.PATTERN_WILDCARD_MISPLACED, API + "allowed-origin-patterns[0]"),
                new Invalid("wildcard in another label than the leftmost",
                        List.of(API + "allowed-origin-patterns=https://app.*.example.com"),
                        Code.PATTERN_WILDCARD_MISPLACED, API + "allowed-origin-patterns[0]"),
                new Invalid("wildcard scheme",
                        List.of(API + "allowed-origin-patterns=*://example.com"),
                        Code.PATTERN_WILDCARD_MISPLACED, API + "allowed-origin-patterns[0]"),
                new Invalid("pattern for a scheme other than http and https",
                        List.of(API + "allowed-origin-patterns=chrome-extension://*.abc"),
                        Code.PATTERN_SCHEME_NOT_HTTP, API + "allowed-origin-patterns[0]"),
                new Invalid("\"*\" in exposed headers with credentials",
                        List.of(API + "allowed-origins=https://app.example.com", API + "allow-credentials=true",
                                API + "exposed-headers=X-Request-Id,*"),
                        Code.WILDCARD_EXPOSED_HEADERS_WITH_CREDENTIALS, API + "exposed-headers[1]"),
                new Invalid("\"*\" in exposed headers with credentials after an invalid name",
                        List.of(API + "allowed-origins=https://app.example.com", API + "allow-credentials=true",
                                API + "exposed-headers[0]=bad header", API + "exposed-headers[1]=*"),
                        List.of(new Reported(Code.INVALID_HEADER_NAME, API + "exposed-headers[0]"),
                                new Reported(Code.WILDCARD_EXPOSED_HEADERS_WITH_CREDENTIALS,
                                        API + "exposed-headers[1]"))),
                new Invalid("\"*\" in a candidate's exposed headers with credentials after an invalid name",
                        List.of(API + "allowed-origins=https://app.example.com", API + "allow-credentials=true",
                                API + "candidate.exposed-headers[0]=bad header",
                                API + "candidate.exposed-headers[1]=*"),
                        List.of(new Reported(Code.INVALID_HEADER_NAME, API + "candidate.exposed-headers[0]"),
                                new Reported(Code.WILDCARD_EXPOSED_HEADERS_WITH_CREDENTIALS,
                                        API + "candidate.exposed-headers[1]"))),
                new Invalid("\"*\" in default exposed headers with credentials after an invalid name",
                        List.of("cors.defaults.allow-credentials=true", "cors.defaults.exposed-headers[0]=bad header",
                                "cors.defaults.exposed-headers[1]=*"),
                        List.of(new Reported(Code.INVALID_HEADER_NAME, "cors.defaults.exposed-headers[0]"),
                                new Reported(Code.WILDCARD_EXPOSED_HEADERS_WITH_CREDENTIALS,
                                        "cors.defaults.exposed-headers[1]"))),
                new Invalid("\"*\" with credentials after an invalid origin",
                        List.of(API + "allow-credentials=true", API + "allowed-origins[0]=app.example.com",
                                API + "allowed-origins[1]=*"),
                        List.of(new Reported(Code.ORIGIN_WITHOUT_SCHEME, API + "allowed-origins[0]"),
                                new Reported(Code.WILDCARD_ORIGIN_WITH_CREDENTIALS, API + "allowed-origins[1]"))),
                new Invalid("\"*\" in a candidate with credentials after an invalid origin",
                        List.of(API + "allow-credentials=true", API + "allowed-origins=https://app.example.com",
                                API + "candidate.allowed-origins[0]=app.example.com",
                                API + "candidate.allowed-origins[1]=*"),
                        List.of(new Reported(Code.ORIGIN_WITHOUT_SCHEME, API + "candidate.allowed-origins[0]"),
                                new Reported(Code.WILDCARD_ORIGIN_WITH_CREDENTIALS,
                                        API + "candidate.allowed-origins[1]"))),
                new Invalid("default \"*\" with credentials after an invalid origin",
                        List.of("cors.defaults.allow-credentials=true",
                                "cors.defaults.allowed-origins[0]=app.example.com",
                                "cors.defaults.allowed-origins[1]=*"),
                        List.of(new Reported(Code.ORIGIN_WITHOUT_SCHEME, "cors.defaults.allowed-origins[0]"),
                                new Reported(Code.WILDCARD_ORIGIN_WITH_CREDENTIALS,
                                        "cors.defaults.allowed-origins[1]"))),
                new Invalid("pattern for every origin with credentials after an invalid pattern",
                        List.of(API + "allow-credentials=true", API + "allowed-origin-patterns[0]=https://app.*.example.com",
                                API + "allowed-origin-patterns[1]=https://*"),
                        List.of(new Reported(Code.PATTERN_WILDCARD_MISPLACED, API + "allowed-origin-patterns[0]"),
                                new Reported(Code.BROAD_PATTERN_WITH_CREDENTIALS, API + "allowed-origin-patterns[1]"))),
                new Invalid("candidate's pattern for every origin with credentials after an invalid pattern",
                        List.of(API + "allow-credentials=true", API + "allowed-origins=https://app.example.com",
                                API + "candidate.allowed-origin-patterns[0]=https://app.*.example.com",
                                API + "candidate.allowed-origin-patterns[1]=https://*"),
                        List.of(new Reported(Code.PATTERN_WILDCARD_MISPLACED,
                                API + "candidate.allowed-origin-patterns[0]"),
                                new Reported(Code.BROAD_PATTERN_WITH_CREDENTIALS,
                                        API + "candidate.allowed-origin-patterns[1]"))),
                new Invalid("default pattern for every origin with credentials after an invalid pattern",
                        List.of("cors.defaults.allow-credentials=true",
                                "cors.defaults.allowed-origin-patterns[0]=https://app.*.example.com",
                                "cors.defaults.allowed-origin-patterns[1]=https://*"),
                        List.of(new Reported(Code.PATTERN_WILDCARD_MISPLACED,
                                "cors.defaults.allowed-origin-patterns[0]"),
                                new Reported(Code.BROAD_PATTERN_WITH_CREDENTIALS,
                                        "cors.defaults.allowed-origin-patterns[1]"))),
                new Invalid("policy without paths",
                        List.of("cors.policies.web.allowed-origins=https://app.example.com"),
                        Code.POLICY_WITHOUT_PATHS, "cors.policies.web.paths"),
                new Invalid("paths under defaults",
                        List.of("cors.defaults.paths=/api/**"),
                        Code.PATHS_IN_DEFAULTS, "cors.defaults.paths"),
                new Invalid("hosts under defaults",
                        List.of("cors.defaults.hosts=api.example.com"),
                        Code.HOSTS_IN_DEFAULTS, "cors.defaults.hosts"),
                new Invalid("a URL in hosts",
                        List.of(API + "hosts=https://api.example.com"),
                        Code.INVALID_HOST, API + "hosts[0]"),
                new Invalid("a port in hosts",
                        List.of(API + "hosts=api.example.com,admin.example.com:8443"),
                        Code.INVALID_HOST, API + "hosts[1]"),
                new Invalid("a wildcard host without a domain",
                        List.of(API + "hosts=*"),
                        Code.INVALID_HOST, API + "hosts[0]"),
                new Invalid("same path pattern for overlapping hosts",
                        List.of(API + "hosts=*.example.com", "cors.policies.web.paths=/api/**",
                                "cors.policies.web.hosts=admin.example.com"),
                        Code.DUPLICATE_PATH_PATTERN, "cors.policies.web.paths[0]"),
                new Invalid("invalid path pattern",
                        List.of("cors.policies.web.paths=/web/**,/orders/{id"),
                        Code.INVALID_PATH_PATTERN, "cors.policies.web.paths[1]"),
                new Invalid("path pattern without a leading slash",
                        List.of("cors.policies.web.paths=/web/**,api/**"),
                        Code.INVALID_PATH_PATTERN, "cors.policies.web.paths[1]"),
                new Invalid("empty path pattern",
                        List.of("cors.policies.web.paths[0]=/web/**", "cors.policies.web.paths[1]="),
                        Code.INVALID_PATH_PATTERN, "cors.policies.web.paths[1]"),
                new Invalid("same path pattern in two policies",
                        List.of("cors.policies.web.paths=/api/**"),
                        Code.DUPLICATE_PATH_PATTERN, "cors.policies.web.paths[0]"),
                new Invalid("same path pattern after renaming captures",
                        List.of(API + "paths=/orders/{id}/**", "cors.policies.web.paths=/orders/{orderId}/**"),
                        Code.DUPLICATE_PATH_PATTERN, "cors.policies.web.paths[0]"),
                new Invalid("invalid method token",
                        List.of(API + "allowed-methods=GET,PUT DELETE"),
                        Code.INVALID_METHOD, API + "allowed-methods[1]"),
                new Invalid("invalid header name",
                        List.of(API + "allowed-headers=Content Type"),
                        Code.INVALID_HEADER_NAME, API + "allowed-headers[0]"),
                new Invalid("duplicate path pattern after an invalid one",
                        List.of("cors.policies.web.paths[0]=/orders/{id", "cors.policies.web.paths[1]=/api/**"),
                        List.of(new Reported(Code.INVALID_PATH_PATTERN, "cors.policies.web.paths[0]"),
                                new Reported(Code.DUPLICATE_PATH_PATTERN, "cors.policies.web.paths[1]"))),
                new Invalid("invalid method token after another one and a valid one",
                        List.of(API + "allowed-methods[0]=PUT DELETE", API + "allowed-methods[1]=GET",
                                API + "allowed-methods[2]=PATCH;"),
                        List.of(new Reported(Code.INVALID_METHOD, API + "allowed-methods[0]"),
                                new Reported(Code.INVALID_METHOD, API + "allowed-methods[2]"))),
                new Invalid("invalid header name after another one and a valid one",
                        List.of(API + "allowed-headers[0]=Content Type", API + "allowed-headers[1]=Authorization",
                                API + "allowed-headers[2]=X-Trace:Id"),
                        List.of(new Reported(Code.INVALID_HEADER_NAME, API + "allowed-headers[0]"),
                                new Reported(Code.INVALID_HEADER_NAME, API + "allowed-headers[2]"))),
                new Invalid("negative max-age",
                        List.of(API + "max-age=-1"),
                        Code.NEGATIVE_MAX_AGE, API + "max-age"),
                new Invalid("max-age that does not convert",
                        List.of(API + "max-age=1 hour"),
                        Code.VALUE_DOES_NOT_CONVERT, API + "max-age"),
                new Invalid("allow-credentials that does not convert",
                        List.of(API + "allow-credentials=sometimes"),
                        Code.VALUE_DOES_NOT_CONVERT, API + "allow-credentials"),
                new Invalid("supplier startup timeout that does not convert",
                        List.of("cors.suppliers.startup-timeout=soon"),
                        Code.VALUE_DOES_NOT_CONVERT, "cors.suppliers.startup-timeout"),
                new Invalid("unknown key under suppliers",
                        List.of("cors.suppliers.startup-timout=5s"),
                        Code.UNKNOWN_PROPERTY, "cors.suppliers.startup-timout"),
                new Invalid("enabled that does not convert",
                        List.of("cors.enabled=maybe"),
                        Code.VALUE_DOES_NOT_CONVERT, "cors.enabled"),
                new Invalid("unknown key in a policy",
                        List.of(API + "allowed-origin=https://app.example.com"),
                        Code.UNKNOWN_PROPERTY, API + "allowed-origin"),
                new Invalid("unknown key in defaults",
                        List.of("cors.defaults.max-ages=1h"),
                        Code.UNKNOWN_PROPERTY, "cors.defaults.max-ages"),
                new Invalid("unknown key in a candidate",
                        List.of(API + "candidate.allowed-origin=https://app.example.com"),
                        Code.UNKNOWN_PROPERTY, API + "candidate.allowed-origin"),
                new Invalid("unknown key under cors",
                        List.of("cors.policy.web.paths=/web/**"),
                        Code.UNKNOWN_PROPERTY, "cors.policy.web.paths"),
                new Invalid("error in a candidate",
                        List.of(API + "allow-credentials=true", API + "allowed-origins=https://app.example.com",
                                API + "candidate.allowed-origins=*"),
                        Code.WILDCARD_ORIGIN_WITH_CREDENTIALS, API + "candidate.allowed-origins[0]"),
                new Invalid("error inherited by a candidate, reported once at the policy",
                        List.of(API + "allowed-origins=https://app.example.com/", API + "candidate.allowed-methods=GET"),
                        Code.ORIGIN_HAS_PATH, API + "allowed-origins[0]"),
                new Invalid("the policy's \"*\" with the candidate's own credentials",
                        List.of(API + "allowed-origins=*", API + "candidate.allow-credentials=true"),
                        Code.WILDCARD_ORIGIN_WITH_CREDENTIALS, API + "candidate.allow-credentials"),
                new Invalid("the policy's pattern for every origin with the candidate's own private network",
                        List.of(API + "allowed-origin-patterns=http://*", API + "candidate.allow-private-network=true"),
                        Code.BROAD_PATTERN_WITH_PRIVATE_NETWORK, API + "candidate.allow-private-network"),
                new Invalid("the default \"*\" in exposed headers with a candidate's own credentials",
                        List.of("cors.defaults.exposed-headers=*", API + "allowed-origins=https://app.example.com",
                                API + "candidate.allow-credentials=true"),
                        Code.WILDCARD_EXPOSED_HEADERS_WITH_CREDENTIALS, API + "candidate.allow-credentials"),
                new Invalid("error in defaults that every policy overrides",
                        List.of("cors.defaults.allowed-origins=https://app.example.com/",
                                API + "allowed-origins=https://app.example.com"),
                        Code.ORIGIN_HAS_PATH, "cors.defaults.allowed-origins[0]"),
                new Invalid("error in defaults inherited by two policies, reported once",
                        List.of("cors.defaults.allowed-origins=https://app.example.com/",
                                "cors.policies.web.paths=/web/**"),
                        Code.ORIGIN_HAS_PATH, "cors.defaults.allowed-origins[0]"),
                new Invalid("combination of a default and a policy's own value",
                        List.of("cors.defaults.allowed-origins=*", API + "allow-credentials=true"),
                        Code.WILDCARD_ORIGIN_WITH_CREDENTIALS, "cors.defaults.allowed-origins[0]"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void failsNamingTheCodeAndProperty(Invalid invalid) {
        this.contextRunner.withPropertyValues(invalid.properties().toArray(String[]::new))
            .run((context) -> assertThat(problems(context)).map(CorsConfigurationValidationTests::reported)
                .containsExactlyElementsOf(invalid.expected()));
    }

    static Stream<Invalid> warnings() {
        return Stream.of(
                new Invalid("max-age above two hours",
                        List.of(API + "max-age=3h"),
                        Code.MAX_AGE_ABOVE_BROWSER_CAP, API + "max-age"),
                new Invalid("plain-http origin with credentials",
                        List.of(API + "allowed-origins=http://app.example.com", API + "allow-credentials=true"),
                        Code.INSECURE_ORIGIN_WITH_CREDENTIALS, API + "allowed-origins[0]"),
                new Invalid("plain-http pattern with credentials",
                        List.of(API + "allowed-origin-patterns=http://*.example.com", API + "allow-credentials=true"),
                        Code.INSECURE_ORIGIN_WITH_CREDENTIALS, API + "allowed-origin-patterns[0]"),
                new Invalid("the policy's plain-http origin with the candidate's own credentials",
                        List.of(API + "allowed-origins=http://app.example.com", API + "candidate.allow-credentials=true"),
                        Code.INSECURE_ORIGIN_WITH_CREDENTIALS, API + "candidate.allow-credentials"));
    }

    @ParameterizedTest
    @MethodSource("warnings")
    void startsAndKeepsTheWarning(Invalid warning) {
        this.contextRunner.withPropertyValues(warning.properties().toArray(String[]::new))
            .run((context) -> assertThat(warnings(context)).map(CorsConfigurationValidationTests::reported)
                .containsExactlyElementsOf(warning.expected()));
    }

    @Test
    void warnsOfAnUnknownEnvironmentVariable() {
        this.contextRunner.withInitializer((context) -> context.getEnvironment()
            .getPropertySources()
            .addFirst(environmentVariables(Map.of("CORS_PORT", "tcp://10.0.0.7:8080"))))
            .run((context) -> assertThat(warnings(context)).extracting(ConfigProblem::code, ConfigProblem::property)
                .containsExactly(tuple(Code.UNKNOWN_ENVIRONMENT_VARIABLE, "CORS_PORT")));
    }

    @Test
    void failsOnPathsInDefaultsFromAnEnvironmentVariable() {
        this.contextRunner.withInitializer((context) -> context.getEnvironment()
            .getPropertySources()
            .addFirst(environmentVariables(Map.of("CORS_DEFAULTS_PATHS", "/api/**"))))
            .run((context) -> assertThat(problems(context)).extracting(ConfigProblem::code, ConfigProblem::property)
                .containsExactly(tuple(Code.PATHS_IN_DEFAULTS, "cors.defaults.paths")));
    }

    @Test
    void failsOnAnUnknownKeyFromASystemProperty() {
        this.contextRunner.withSystemProperties("cors.policies.api.allowed-origin=https://app.example.com")
            .run((context) -> assertThat(problems(context)).extracting(ConfigProblem::code, ConfigProblem::property)
                .containsExactly(tuple(Code.UNKNOWN_PROPERTY, API + "allowed-origin")));
    }

    @Test
    void namesTheClosestKnownKeyOfATypo() {
        this.contextRunner.withPropertyValues(API + "allowed-origin=https://app.example.com")
            .run((context) -> assertThat(problems(context)).singleElement()
                .satisfies((problem) -> assertThat(problem.fix()).contains("'allowed-origins'")));
    }

    @Test
    void reportsThreeDifferentMistakesTogether() {
        this.contextRunner
            .withPropertyValues(API + "allowed-origins=https://app.example.com/", API + "max-age=1 hour",
                    API + "allowed-method=GET")
            .run((context) -> assertThat(problems(context)).extracting(ConfigProblem::code, ConfigProblem::property)
                .containsExactlyInAnyOrder(tuple(Code.VALUE_DOES_NOT_CONVERT, API + "max-age"),
                        tuple(Code.UNKNOWN_PROPERTY, API + "allowed-method"),
                        tuple(Code.ORIGIN_HAS_PATH, API + "allowed-origins[0]")));
    }

    @Test
    void reportsThePolicysMistakeAndTheCandidatesOwnOnTheSameValueEachOnce() {
        this.contextRunner
            .withPropertyValues(API + "allowed-origins=*", API + "allow-private-network=true",
                    API + "candidate.allow-credentials=true")
            .run((context) -> assertThat(problems(context)).extracting(ConfigProblem::code, ConfigProblem::property)
                .containsExactly(tuple(Code.WILDCARD_ORIGIN_WITH_PRIVATE_NETWORK, API + "allowed-origins[0]"),
                        tuple(Code.WILDCARD_ORIGIN_WITH_CREDENTIALS, API + "candidate.allow-credentials")));
    }

    @Test
    void acceptsAWildcardUnderARegistrableDomainWithCredentials() {
        this.contextRunner
            .withPropertyValues(API + "allow-credentials=true",
                    API + "allowed-origin-patterns=https://*.example.com,https://*.example.co.uk,"
                            + "https://*.myorg.github.io")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void acceptsOnePathPatternInPoliciesWhoseHostsDoNotOverlap() {
        this.contextRunner
            .withPropertyValues(API + "hosts=api.example.com", "cors.policies.admin.paths=/api/**",
                    "cors.policies.admin.hosts=admin.example.com,*.admin.example.com",
                    "cors.policies.tenants.paths=/api/**", "cors.policies.tenants.hosts=*.tenants.example.com",
                    "cors.policies.any.paths=/api/**")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void acceptsPublicSuffixWildcardsWithoutCredentials() {
        this.contextRunner.withPropertyValues(API + "allowed-origin-patterns=https://*.com,https://*.github.io")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void acceptsOpenOriginsWithoutCredentials() {
        this.contextRunner
            .withPropertyValues(API + "allowed-origins=*,null", API + "allowed-origin-patterns=https://*",
                    API + "exposed-headers=*")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void doesNotWarnOfLoopbackHttpOriginsOrATwoHourMaxAge() {
        this.contextRunner
            .withPropertyValues(API + "allow-credentials=true", API + "max-age=2h",
                    API + "allowed-origins=http://localhost:8080,http://127.0.0.1:3000,http://[::1]:8080",
                    API + "allowed-origin-patterns=http://localhost:[*]")
            .run((context) -> assertThat(warnings(context)).isEmpty());
    }

    @Test
    void logsEachWarningOnceAtStartup(CapturedOutput output) {
        this.contextRunner.withPropertyValues("cors.defaults.max-age=3h", "cors.policies.web.paths=/web/**")
            .run((context) -> {
                assertThat(warnings(context)).hasSize(1);
                assertThat(StringUtils.countOccurrencesOf(output.getAll(),
                        "CORS configuration, cors.defaults.max-age: A max-age of 3h is above two hours"))
                    .isOne();
            });
    }

    @Test
    void skipsValidationWhenDisabled() {
        this.contextRunner.withPropertyValues("cors.enabled=false", API + "allowed-origins=https://app.example.com/")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    private static Reported reported(ConfigProblem problem) {
        return new Reported(problem.code(), problem.property());
    }

    private static List<ConfigProblem> problems(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
        assertThat(cause).isInstanceOf(CorsConfigurationException.class);
        return ((CorsConfigurationException) cause).getProblems();
    }

    private static List<ConfigProblem> warnings(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        return context.getBean(PolicySnapshotHolder.class).get().warnings();
    }

    private static SystemEnvironmentPropertySource environmentVariables(Map<String, Object> variables) {
        return new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
    }
}
