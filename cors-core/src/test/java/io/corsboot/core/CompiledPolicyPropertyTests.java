package io.corsboot.core;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

import io.corsboot.core.Decision.Kind;
import io.corsboot.testing.TestRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests of deciding and of the headers a decision writes, against {@link PolicyModel}: every request is
 * decided as the contract says, nothing the policy does not allow is written, and no value written can split or
 * end a header line.
 */
class CompiledPolicyPropertyTests {

    @Property(tries = 3000)
    void decidesAsTheContractSays(@ForAll("policies") PolicyModel model, @ForAll("requests") TestRequest request) {
        Decision decision = model.compiled().decide(request);
        assertThat(decision.reason()).isEqualTo(model.expectedReason(request));
        assertThat(decision.kind()).isEqualTo(PolicyModel.isPreflight(request) ? Kind.PREFLIGHT : Kind.ACTUAL);
    }

    @Property(tries = 3000)
    void allowsAnOriginExactlyWhenTheModelDoes(@ForAll("policies") PolicyModel model,
            @ForAll("origins") String origin) {
        assertThat(model.compiled().allowsOrigin(origin)).isEqualTo(model.allowsOrigin(origin));
    }

    @Property(tries = 2000)
    void allowsRequestedHeadersExactlyWhenTheModelDoes(@ForAll("policies") PolicyModel model,
            @ForAll("requestHeaders") String requestHeaders) {
        List<String> names = PolicyModel.requestedHeaders(requestHeaders);
        boolean expected = names != null && names.stream().allMatch(model::allowsHeader);
        assertThat(model.compiled().allowsHeaders(requestHeaders)).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void writesOnlyWhatThePolicyAllows(@ForAll("policies") PolicyModel model,
            @ForAll("requests") TestRequest request) {
        Decision decision = model.compiled().decide(request);
        RecordedHeaders recorded = new RecordedHeaders();
        HeaderWriter.write(decision, request, recorded);
        Map<String, String> headers = recorded.asMap();

        // Visible ASCII, space and tab only: no CR, LF or NUL, nothing that could end or split a header line.
        headers.forEach((name, value) -> {
            assertThat(name).matches("[\\x21-\\x7e]+");
            assertThat(value).matches("[\\x20-\\x7e\\t]*");
        });
        if (model.answersAlike(request)) {
            // One answer whatever the Origin, and no Vary, so that a shared cache keeps one copy.
            assertThat(headers).containsEntry("Access-Control-Allow-Origin", "*").doesNotContainKey("Vary");
            assertThat(headers.keySet()).isSubsetOf("Access-Control-Allow-Origin", "Access-Control-Expose-Headers");
            assertThat(headers.get("Access-Control-Expose-Headers"))
                .isEqualTo(model.exposed().isEmpty() ? null : String.join(", ", model.exposed()));
            return;
        }
        boolean preflight = decision.kind() == Kind.PREFLIGHT;
        assertThat(elements(headers.get("Vary"))).contains("Origin");
        if (preflight) {
            assertThat(elements(headers.get("Vary"))).contains("Access-Control-Request-Method",
                    "Access-Control-Request-Headers");
        }
        if (!decision.allowed()) {
            // A rejection names its reason, a constant; a request that is not cross-origin gets Vary alone.
            if (decision.isCrossOriginVerdict()) {
                assertThat(headers).containsOnlyKeys("Vary", "CORS-Rejection-Reason")
                    .containsEntry("CORS-Rejection-Reason", decision.reason().name());
            }
            else {
                assertThat(headers).containsOnlyKeys("Vary");
            }
            return;
        }
        String origin = request.header("Origin");
        String allowOrigin = headers.get("Access-Control-Allow-Origin");
        if (model.allowsAnyOrigin() && !model.credentials()) {
            assertThat(allowOrigin).isEqualTo("*");
        }
        else {
            assertThat(allowOrigin).isEqualTo(origin);
            assertThat(model.allowsOrigin(allowOrigin)).isTrue();
        }
        assertThat(headers.get("Access-Control-Allow-Credentials")).isEqualTo(model.credentials() ? "true" : null);
        if (preflight) {
            assertPreflightHeaders(model, request, headers);
        }
        else {
            assertThat(model.allowsMethod(request.method())).isTrue();
            assertThat(headers.get("Access-Control-Expose-Headers"))
                .isEqualTo(model.exposed().isEmpty() ? null : String.join(", ", model.exposed()));
            assertThat(headers).doesNotContainKeys("Access-Control-Allow-Methods",
                    "Access-Control-Allow-Headers", "Access-Control-Max-Age", "Access-Control-Allow-Private-Network");
        }
    }

    private static void assertPreflightHeaders(PolicyModel model, TestRequest request,
            Map<String, String> headers) {
        String requestedMethod = request.header("Access-Control-Request-Method");
        List<String> allowedMethods = elements(headers.get("Access-Control-Allow-Methods"));
        // "*" is a token, so a policy that allows every method allows one named "*" too, and echoes it: a browser
        // then reads it as every method, or, with credentials, as the method "*". Either way no more than allowed.
        assertThat(allowedMethods).contains(requestedMethod).allSatisfy((method) -> {
            assertThat(model.allowsMethod(method)).isTrue();
            if (method.equals("*")) {
                assertThat(requestedMethod).isEqualTo("*");
                assertThat(model.methods()).contains("*");
            }
        });
        String requestHeaders = request.header("Access-Control-Request-Headers");
        List<String> requested = (requestHeaders != null) ? PolicyModel.requestedHeaders(requestHeaders) : List.of();
        String allowHeaders = headers.get("Access-Control-Allow-Headers");
        if (requested.isEmpty()) {
            assertThat(allowHeaders).isNull();
        }
        else {
            List<String> allowed = elements(allowHeaders);
            assertThat(allowed).allSatisfy((name) -> {
                assertThat(model.allowsHeader(name)).isTrue();
                if (name.equals("*")) {
                    assertThat(requested).contains("*");
                    assertThat(model.headers()).contains("*");
                }
            });
            assertThat(requested).allSatisfy((name) -> assertThat(allowed).anySatisfy(
                    (granted) -> assertThat(granted).isEqualToIgnoringCase(name)));
        }
        assertThat(headers.get("Access-Control-Max-Age")).isEqualTo("1800");
        boolean privateNetwork = model.privateNetwork()
                && "true".equals(request.header("Access-Control-Request-Private-Network"));
        assertThat(headers.get("Access-Control-Allow-Private-Network")).isEqualTo(privateNetwork ? "true" : null);
        assertThat(headers).doesNotContainKey("Access-Control-Expose-Headers");
    }

    private static List<String> elements(@Nullable String value) {
        assertThat(value).isNotNull();
        return Arrays.stream(value.split(",")).map(String::strip).filter((element) -> !element.isEmpty()).toList();
    }

    @Provide
    Arbitrary<PolicyModel> policies() {
        return CorsArbitraries.policies();
    }

    @Provide
    Arbitrary<TestRequest> requests() {
        return CorsArbitraries.requests();
    }

    @Provide
    Arbitrary<String> origins() {
        return CorsArbitraries.origins();
    }

    @Provide
    Arbitrary<String> requestHeaders() {
        return CorsArbitraries.requestHeaders();
    }
}
