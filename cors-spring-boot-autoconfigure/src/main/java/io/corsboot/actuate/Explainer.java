package io.corsboot.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;

import io.corsboot.core.ClosestName;
import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.core.Decision;
import io.corsboot.core.OriginParts;
import io.corsboot.core.Reason;
import io.corsboot.web.PolicySnapshot;

/**
 * Puts a decision into words: why it went that way, and which near miss would change it. This code may allocate;
 * the filters never call it.
 */
final class Explainer {

    // Names of this machine that browsers treat as three origins: a page on one cannot use a grant for another.
    private static final List<String> LOOPBACK_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");

    private final PolicySnapshot snapshot;

    private final boolean enabled;

    private final String path;

    private final CheckRequest request;

    private final Decision decision;

    Explainer(PolicySnapshot snapshot, boolean enabled, String path, CheckRequest request, Decision decision) {
        this.snapshot = snapshot;
        this.enabled = enabled;
        this.path = path;
        this.request = request;
        this.decision = decision;
    }

    /** Why the request is handled as it is, in one sentence, and a second for a public policy's GET and HEAD. */
    String explanation() {
        CompiledPolicy policy = this.decision.policy();
        if (policy != null && policy.answersAlike(this.decision.kind(), this.request)) {
            return verdict(false) + " Policy " + policy.name() + " is public, so every GET and HEAD on its paths gets "
                    + "Access-Control-Allow-Origin: * and no Vary: Origin, whatever the origin: a shared cache keeps "
                    + "one copy.";
        }
        return verdict(true);
    }

    /** The verdict; a request that is not cross-origin is passed through untouched unless its policy is public. */
    private String verdict(boolean untouched) {
        String passed = untouched ? ", so it is passed through untouched." : ".";
        String policy = policyName();
        String origin = this.request.origin();
        String method = this.request.requestedMethod();
        return switch (this.decision.reason()) {
            case NOT_CORS -> "Without an origin this is not a CORS request" + passed;
            case SAME_ORIGIN -> "Origin " + origin + " is the origin this check request arrived on, so the request "
                    + "is same-origin" + (untouched ? " and passed through untouched." : ".");
            case NO_POLICY -> this.enabled
                    ? "No policy covers path " + this.path + ", so the filter leaves the request to the application."
                    : "CORS is disabled (cors.enabled=false), so no filter is installed and the application answers "
                            + "alone.";
            case ORIGIN_NOT_ALLOWED -> "Origin " + origin + " is not allowed by policy " + policy + ".";
            case METHOD_NOT_ALLOWED -> "Method " + method + " is not allowed by policy " + policy + ".";
            case HEADERS_NOT_ALLOWED -> "Request header " + rejectedHeader() + " is not allowed by policy " + policy
                    + ".";
            case ALLOWED -> (this.decision.kind() == Decision.Kind.PREFLIGHT)
                    ? "Policy " + policy + " allows this preflight from " + origin + ", so the browser goes on to send "
                            + "the " + method + " request."
                    : "Policy " + policy + " allows this " + method + " request from " + origin + ".";
        };
    }

    /** A near miss that would change the answer, or null. */
    @Nullable String hint() {
        CompiledPolicy policy = this.decision.policy();
        String hint = switch (this.decision.reason()) {
            case ORIGIN_NOT_ALLOWED -> originHint(policy);
            case METHOD_NOT_ALLOWED -> methodHint(policy);
            case HEADERS_NOT_ALLOWED -> headerHint(policy);
            case ALLOWED -> privateNetworkHint(policy);
            default -> null;
        };
        boolean refused = this.decision.reason().isCrossOriginVerdict() && !this.decision.allowed();
        if (hint == null && (refused || this.decision.reason() == Reason.NO_POLICY)) {
            hint = pathHint(policy);
        }
        return hint;
    }

    private String policyName() {
        CompiledPolicy policy = this.decision.policy();
        return (policy != null) ? policy.name() : "";
    }

    private String rejectedHeader() {
        CompiledPolicy policy = this.decision.policy();
        return this.request.requestedHeaders()
            .stream()
            .filter((name) -> policy != null && !policy.allowsHeaders(name))
            .findFirst()
            .orElse(String.join(",", this.request.requestedHeaders()));
    }

    private @Nullable String originHint(@Nullable CompiledPolicy policy) {
        String origin = this.request.origin();
        OriginParts parts = (origin != null) ? OriginParts.read(origin) : null;
        if (policy == null || parts == null) {
            return null;
        }
        OriginParts serialised = parts.serialised();
        List<String> differences = new ArrayList<>();
        if (!parts.scheme().equals(serialised.scheme()) || !parts.host().equals(serialised.host())) {
            differences.add("case");
        }
        if (parts.port() != null && serialised.port() == null) {
            differences.add("an explicit default port");
        }
        if (!parts.rest().isEmpty()) {
            differences.add("/".equals(parts.rest()) ? "a trailing slash" : "a path");
        }
        if (!differences.isEmpty() && policy.allowsOrigin(serialised.toString())) {
            return originNearMiss(serialised, differences);
        }
        for (Variant<OriginParts> variant : originVariants(policy.spec(), serialised)) {
            if (policy.allowsOrigin(variant.value().toString())) {
                differences.add(variant.difference());
                return originNearMiss(variant.value(), differences);
            }
        }
        String labelHint = labelWildcardHint(policy.spec(), serialised);
        return (labelHint != null) ? labelHint : loopbackHint(policy, serialised, differences);
    }

    /**
     * A pattern with a {@code *} inside its leftmost label that the origin misses only by that label: a dot where the
     * {@code *} stands, or nothing there at all.
     */
    private static @Nullable String labelWildcardHint(CorsPolicySpec spec, OriginParts origin) {
        for (String pattern : spec.allowedOriginPatterns().value()) {
            String prefixOfScheme = origin.scheme() + "://";
            if (!pattern.startsWith(prefixOfScheme)) {
                continue;
            }
            int hostStart = prefixOfScheme.length();
            int portStart = pattern.indexOf(':', hostStart);
            String host = pattern.substring(hostStart, (portStart < 0) ? pattern.length() : portStart);
            int dot = host.indexOf('.');
            int star = host.indexOf('*');
            if (dot < 0 || star < 0 || star > dot || host.startsWith("*.")
                    || !origin.host().endsWith(host.substring(dot))) {
                continue;
            }
            String label = origin.host().substring(0, origin.host().length() - (host.length() - dot));
            String prefix = host.substring(0, star);
            String suffix = host.substring(star + 1, dot);
            if (!label.startsWith(prefix) || !label.endsWith(suffix)) {
                continue;
            }
            if (label.length() == prefix.length() + suffix.length()) {
                return "Pattern " + pattern + " needs at least one character where its * stands, and " + origin
                        + " has none there.";
            }
            if (label.indexOf('.', prefix.length()) >= 0) {
                return "Pattern " + pattern + " matches one host label where its * stands, and " + origin
                        + " has a dot there: a * inside a label never matches a dot. Use a pattern such as "
                        + origin.scheme() + "://*" + host.substring(dot) + " if every subdomain may call.";
            }
        }
        return null;
    }

    private static @Nullable String loopbackHint(CompiledPolicy policy, OriginParts origin, List<String> differences) {
        if (!LOOPBACK_HOSTS.contains(origin.host())) {
            return null;
        }
        for (String host : LOOPBACK_HOSTS) {
            OriginParts allowed = origin.withHost(host);
            if (!host.equals(origin.host()) && policy.allowsOrigin(allowed.toString())) {
                differences.add("its host");
                return allowed + " is allowed: the origin differs only by " + String.join(" and ", differences)
                        + ", and browsers treat " + origin.host() + " and " + host + " as different origins, though "
                        + "both name this machine. Allow " + origin + " too, or open the page as " + allowed + ".";
            }
        }
        return null;
    }

    private static List<Variant<OriginParts>> originVariants(CorsPolicySpec spec, OriginParts origin) {
        List<Variant<OriginParts>> variants = new ArrayList<>();
        if ("http".equals(origin.scheme()) || "https".equals(origin.scheme())) {
            variants.add(new Variant<>(origin.withScheme("http".equals(origin.scheme()) ? "https" : "http"),
                    "its scheme"));
        }
        String host = origin.host();
        variants.add(new Variant<>(origin.withHost(host.startsWith("www.") ? host.substring(4) : "www." + host),
                "'www.'"));
        if (origin.port() != null) {
            variants.add(new Variant<>(origin.withPort(null), "its port"));
        }
        for (String allowed : spec.allowedOrigins().value()) {
            OriginParts other = OriginParts.read(allowed);
            if (other != null && other.scheme().equals(origin.scheme()) && other.host().equals(host)
                    && other.effectivePort() != origin.effectivePort()) {
                variants.add(new Variant<>(other, "its port"));
            }
        }
        return variants;
    }

    private static String originNearMiss(OriginParts allowed, List<String> differences) {
        return allowed + " is allowed: the origin differs only by " + String.join(" and ", differences) + ".";
    }

    private @Nullable String methodHint(@Nullable CompiledPolicy policy) {
        // A policy that allows every method rejects no method the check accepts.
        List<String> allowed = (policy != null) ? policy.allowedMethods() : null;
        if (allowed == null) {
            return null;
        }
        String method = this.request.requestedMethod();
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(method)) {
                return candidate + " is allowed: methods are case-sensitive, and browsers upper-case only DELETE, "
                        + "GET, HEAD, OPTIONS, POST and PUT, so the script must send " + candidate + ".";
            }
        }
        for (String candidate : allowed) {
            if (ClosestName.distance(method.toUpperCase(Locale.ROOT), candidate) == 1) {
                return candidate + " is allowed: " + method + " differs from it by one character.";
            }
        }
        return null;
    }

    private @Nullable String headerHint(@Nullable CompiledPolicy policy) {
        if (policy == null) {
            return null;
        }
        String rejected = rejectedHeader();
        if ("content-type".equals(rejected) && this.request.contentTypeRequested()) {
            return "The content type is not CORS-safelisted, so the preflight asks for Content-Type: allow it in "
                    + "allowed-headers, or send text/plain, application/x-www-form-urlencoded or multipart/form-data.";
        }
        for (String candidate : policy.spec().allowedHeaders().value()) {
            if (ClosestName.distance(rejected, candidate.toLowerCase(Locale.ROOT)) == 1) {
                return candidate + " is allowed: " + rejected + " differs from it by one character.";
            }
        }
        return null;
    }

    private @Nullable String privateNetworkHint(@Nullable CompiledPolicy policy) {
        if (policy == null || !this.request.privateNetwork() || this.decision.kind() != Decision.Kind.PREFLIGHT
                || policy.spec().allowPrivateNetwork().value()) {
            return null;
        }
        return "Policy " + policy.name() + " does not allow private network access, so the answer lacks "
                + "Access-Control-Allow-Private-Network and the browser's own Private Network Access check will fail.";
    }

    /** Another policy that covers a path close to this one: the one the request may have been meant for. */
    private @Nullable String pathHint(@Nullable CompiledPolicy policy) {
        for (Variant<String> variant : pathVariants()) {
            CompiledPolicy other = this.snapshot.routes().policyFor(PathContainer.parsePath(variant.value()));
            if (other == null || other == policy) {
                continue;
            }
            if (policy == null) {
                return "Policy " + other.name() + " covers " + variant.value() + ": " + variant.difference() + ".";
            }
            if (other.decide(this.request).allowed()) {
                return "Policy " + other.name() + " would allow this request on " + variant.value() + ": "
                        + variant.difference() + ".";
            }
        }
        return null;
    }

    private List<Variant<String>> pathVariants() {
        List<Variant<String>> variants = new ArrayList<>();
        String path = this.path;
        boolean trailingSlash = path.length() > 1 && path.endsWith("/");
        variants.add(new Variant<>(trailingSlash ? path.substring(0, path.length() - 1) : path + "/",
                "the path differs only by a trailing slash"));
        String lowerCase = path.toLowerCase(Locale.ROOT);
        if (!lowerCase.equals(path)) {
            variants.add(new Variant<>(lowerCase, "the path differs only by case"));
        }
        int second = path.indexOf('/', 1);
        if (second > 0 && second < path.length() - 1) {
            variants.add(new Variant<>(path.substring(second), "the path differs only by its leading "
                    + path.substring(0, second) + " (check takes the path without the context path)"));
        }
        return variants;
    }

    private record Variant<T>(T value, String difference) {
    }
}
