package io.corsboot.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy as the property tests generate it, with a reading of what it allows that is written from the contract,
 * independently of the core: plain string operations and regular expressions where the core scans in place.
 *
 * @param origins the configured exact origins
 * @param patterns the configured origin patterns
 * @param methods the configured methods
 * @param headers the configured allowed headers
 * @param exposed the configured exposed headers
 * @param credentials whether credentials are allowed
 * @param privateNetwork whether private network preflights are answered
 */
record PolicyModel(List<ExactOrigin> origins, List<OriginPattern> patterns, List<String> methods,
        List<String> headers, List<String> exposed, boolean credentials, boolean privateNetwork) {

    static final List<ExactOrigin> EXACT_ORIGINS = List.of(
            new ExactOrigin("https://app.example.com", "https://app.example.com"),
            new ExactOrigin("http://localhost:8080", "http://localhost:8080"),
            new ExactOrigin("null", "null"),
            new ExactOrigin("capacitor://localhost", "capacitor://localhost"),
            new ExactOrigin("chrome-extension://abcdefghijklmnop", "chrome-extension://abcdefghijklmnop"),
            new ExactOrigin("https://Bücher.example", "https://xn--bcher-kva.example"),
            new ExactOrigin("http://[::1]:3000", "http://[::1]:3000"),
            new ExactOrigin("http://[0:0:0:0:0:0:0:1]", "http://[::1]"),
            new ExactOrigin("https://App.Example.COM:443", "https://app.example.com"),
            new ExactOrigin("HTTP://LOCALHOST:80", "http://localhost"),
            new ExactOrigin("*", null));

    static final List<OriginPattern> ORIGIN_PATTERNS = List.of(
            new OriginPattern("https://*.example.com", "https", "example.com", true, new int[] { 443 }),
            new OriginPattern("http://localhost:[*]", "http", "localhost", false, null),
            new OriginPattern("https://*.app.test:[8443,9443]", "https", "app.test", true, new int[] { 8443, 9443 }),
            new OriginPattern("http://*.localhost:[3000,4200]", "http", "localhost", true, new int[] { 3000, 4200 }),
            new OriginPattern("https://*.github.io", "https", "github.io", true, new int[] { 443 }),
            new OriginPattern("https://app-*.example.com", "https", "example.com", "app-*", new int[] { 443 }),
            new OriginPattern("https://*-preview.app.test:[8443]", "https", "app.test", "*-preview",
                    new int[] { 8443 }),
            new OriginPattern("http://*", "http", null, false, new int[] { 80 }),
            new OriginPattern("*", null, null, false, null));

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "get", "X-Custom-Method",
            "*");

    static final List<String> HEADERS = List.of("Content-Type", "Authorization", "X-Requested-With", "x-custom",
            "*");

    static final List<String> EXPOSED = List.of("X-Request-Id", "ETag", "*");

    /** The serialised origin, as WHATWG URL writes it, with the scheme's default port, or 0 when it has none. */
    private static final Pattern WELL_FORMED = Pattern.compile(
            "([a-z][a-z0-9+.-]*)://([a-z0-9_-]+(?:\\.[a-z0-9_-]+)*|\\[[0-9a-f:.]{2,}\\])(?::([1-9][0-9]{0,4}))?");

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private static final Set<String> PUBLIC_SUFFIXES = Set.of("com", "net", "io", "github.io", "co.uk", "test",
            "example", "localhost");

    /**
     * This policy, or, when the combination is one that validation refuses (such as {@code *} with credentials),
     * the same policy without credentials and private network access, which validation always accepts.
     */
    PolicyModel valid() {
        List<ConfigProblem> problems = new ArrayList<>();
        compile(problems);
        if (problems.stream().anyMatch(ConfigProblem::isError)) {
            return new PolicyModel(this.origins, this.patterns, this.methods, this.headers, this.exposed, false,
                    false);
        }
        return this;
    }

    /** The compiled policy, which must have compiled without errors. */
    CompiledPolicy compiled() {
        List<ConfigProblem> problems = new ArrayList<>();
        CompiledPolicy policy = compile(problems);
        assertThat(problems).filteredOn(ConfigProblem::isError).isEmpty();
        return policy;
    }

    private CompiledPolicy compile(List<ConfigProblem> problems) {
        return new PolicyCompiler(PUBLIC_SUFFIXES::contains).compile(spec(), problems);
    }

    CorsPolicySpec spec() {
        String prefix = "cors.policies.generated.";
        return new CorsPolicySpec("generated", new Setting<>(List.of("/**"), prefix + "paths"),
                new Setting<>(List.of(), prefix + "hosts"),
                new Setting<>(this.origins.stream().map(ExactOrigin::configured).toList(), prefix + "allowed-origins"),
                new Setting<>(this.patterns.stream().map(OriginPattern::configured).toList(),
                        prefix + "allowed-origin-patterns"),
                new Setting<>(this.methods, prefix + "allowed-methods"),
                new Setting<>(this.headers, prefix + "allowed-headers"),
                new Setting<>(this.exposed, prefix + "exposed-headers"),
                new Setting<>(this.credentials, prefix + "allow-credentials"),
                new Setting<>(this.privateNetwork, prefix + "allow-private-network"),
                new Setting<>(Duration.ofMinutes(30), prefix + "max-age"), null);
    }

    boolean allowsAnyOrigin() {
        return this.origins.stream().anyMatch((origin) -> origin.serialised() == null)
                || this.patterns.stream().anyMatch((pattern) -> pattern.scheme() == null);
    }

    boolean allowsOrigin(String origin) {
        if (this.origins.stream().anyMatch((exact) -> origin.equals(exact.serialised()))) {
            return true;
        }
        SerialisedOrigin parsed = SerialisedOrigin.parse(origin);
        if (allowsAnyOrigin()) {
            return parsed != null || "null".equals(origin);
        }
        return parsed != null && this.patterns.stream().anyMatch((pattern) -> pattern.matches(parsed));
    }

    boolean allowsMethod(String method) {
        if (this.methods.contains("*")) {
            return TOKEN.matcher(method).matches();
        }
        Set<String> allowed = new HashSet<>();
        this.methods.forEach((configured) -> allowed.add(configured.toUpperCase(Locale.ROOT)));
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        return allowed.contains(method);
    }

    boolean allowsHeader(String name) {
        return this.headers.contains("*") || this.headers.stream().anyMatch(name::equalsIgnoreCase);
    }

    /**
     * The header names of an {@code Access-Control-Request-Headers} value, or null when the value is over the
     * bounds: 4096 characters, 2 characters of whitespace around an element, 16 empty elements.
     */
    static @Nullable List<String> requestedHeaders(String value) {
        if (value.length() > 4096) {
            return null;
        }
        List<String> names = new ArrayList<>();
        int empty = 0;
        for (String element : value.split(",", -1)) {
            String name = element.replaceAll("^[ \t]+|[ \t]+$", "");
            if (element.length() - name.length() > 2) {
                return null;
            }
            if (name.isEmpty()) {
                empty++;
            }
            else if (TOKEN.matcher(name).matches()) {
                names.add(name);
            }
            else {
                return null;
            }
        }
        return (empty > 16) ? null : names;
    }

    /**
     * Whether the contract gives this request the public answer, the same whatever its {@code Origin}: a {@code GET}
     * or {@code HEAD} on a policy that allows every origin and {@code GET}, without credentials or private network.
     */
    boolean answersAlike(CorsRequest request) {
        return allowsAnyOrigin() && !this.credentials && !this.privateNetwork && allowsMethod("GET")
                && !isPreflight(request) && ("GET".equals(request.method()) || "HEAD".equals(request.method()));
    }

    /** The reason the contract gives for a request. */
    Reason expectedReason(CorsRequest request) {
        String origin = request.header("Origin");
        boolean preflight = isPreflight(request);
        if (origin == null || "navigate".equalsIgnoreCase(request.header("Sec-Fetch-Mode"))) {
            return Reason.NOT_CORS;
        }
        SerialisedOrigin parsed = SerialisedOrigin.parse(origin);
        if (parsed != null && parsed.scheme().equalsIgnoreCase(request.scheme())
                && parsed.host().equalsIgnoreCase(request.host()) && parsed.port() == request.port()) {
            return Reason.SAME_ORIGIN;
        }
        if (answersAlike(request)) {
            return Reason.ALLOWED;
        }
        if (!allowsOrigin(origin)) {
            return Reason.ORIGIN_NOT_ALLOWED;
        }
        String method = preflight ? request.header("Access-Control-Request-Method") : request.method();
        if (!allowsMethod(method)) {
            return Reason.METHOD_NOT_ALLOWED;
        }
        String requestHeaders = request.header("Access-Control-Request-Headers");
        if (preflight && requestHeaders != null) {
            List<String> names = requestedHeaders(requestHeaders);
            if (names == null || !names.stream().allMatch(this::allowsHeader)) {
                return Reason.HEADERS_NOT_ALLOWED;
            }
        }
        return Reason.ALLOWED;
    }

    static boolean isPreflight(CorsRequest request) {
        return "OPTIONS".equals(request.method()) && request.header("Origin") != null
                && request.header("Access-Control-Request-Method") != null;
    }

    /** A configured exact origin and the form browsers send, or null for {@code *}. */
    record ExactOrigin(String configured, @Nullable String serialised) {

        @Override
        public String toString() {
            return this.configured;
        }
    }

    /**
     * A configured origin pattern, read by hand.
     *
     * @param configured the pattern as configured
     * @param scheme the scheme, or null for any origin
     * @param host the host, the domain after the leftmost label when it holds a {@code *}, or null for any host
     * @param subdomains whether the pattern matches subdomains of {@code host} rather than {@code host}
     * @param label the leftmost label with one {@code *} inside it, such as {@code app-*}, or null
     * @param ports the allowed ports, or null for any port
     */
    record OriginPattern(String configured, @Nullable String scheme, @Nullable String host, boolean subdomains,
            @Nullable String label, int @Nullable [] ports) {

        OriginPattern(String configured, @Nullable String scheme, @Nullable String host, boolean subdomains,
                int @Nullable [] ports) {
            this(configured, scheme, host, subdomains, null, ports);
        }

        OriginPattern(String configured, String scheme, String host, String label, int @Nullable [] ports) {
            this(configured, scheme, host, false, label, ports);
        }

        boolean matches(SerialisedOrigin origin) {
            if (this.scheme == null) {
                return true;
            }
            if (!this.scheme.equals(origin.scheme())) {
                return false;
            }
            if (this.ports != null && Arrays.stream(this.ports).noneMatch((port) -> port == origin.port())) {
                return false;
            }
            if (this.host == null) {
                return true;
            }
            if (this.label != null) {
                // The "*" stands for one or more letters, digits or hyphens, never a dot.
                String[] parts = this.label.split("\\*", -1);
                return origin.host().matches(Pattern.quote(parts[0]) + "[a-z0-9-]+" + Pattern.quote(parts[1]) + "\\."
                        + Pattern.quote(this.host));
            }
            return this.subdomains ? origin.host().endsWith("." + this.host) : origin.host().equals(this.host);
        }

        @Override
        public String toString() {
            return this.configured;
        }
    }

    /** A well-formed serialised origin, with its effective port: the scheme's default when none is given. */
    record SerialisedOrigin(String scheme, String host, int port) {

        static @Nullable SerialisedOrigin parse(String value) {
            if (value.length() > 320) {
                return null;
            }
            Matcher matcher = WELL_FORMED.matcher(value);
            if (!matcher.matches()) {
                return null;
            }
            String scheme = matcher.group(1);
            int defaultPort = switch (scheme) {
                case "http", "ws" -> 80;
                case "https", "wss" -> 443;
                default -> 0;
            };
            if (matcher.group(3) == null) {
                return new SerialisedOrigin(scheme, matcher.group(2), defaultPort);
            }
            int port = Integer.parseInt(matcher.group(3));
            return (port > 65535 || port == defaultPort) ? null : new SerialisedOrigin(scheme, matcher.group(2), port);
        }
    }
}
