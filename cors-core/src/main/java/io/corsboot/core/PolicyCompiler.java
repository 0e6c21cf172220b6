package io.corsboot.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.ConfigProblem.Code;
import io.corsboot.core.OriginParser.ExactOrigin;
import io.corsboot.core.OriginParser.InvalidOrigin;
import io.corsboot.core.OriginParser.OriginPattern;

/**
 * Validates one policy and compiles it. Every problem found is added to the caller's list, so that one report can
 * name them all; a policy compiled with errors must not be used.
 *
 * @since 0.1.0
 */
public final class PolicyCompiler {

    /** Chromium caps {@code Access-Control-Max-Age} at two hours; Firefox at 24 hours. */
    static final Duration BROWSER_MAX_AGE_CAP = Duration.ofHours(2);

    private final Predicate<String> isPublicSuffix;

    private final UnaryOperator<String> policyProperty;

    /**
     * Creates a compiler that names a policy by its name where a problem has no setting of its own.
     * @param isPublicSuffix whether a host name is a public suffix (such as {@code com} or {@code github.io}),
     * under which every domain belongs to someone else
     */
    public PolicyCompiler(Predicate<String> isPublicSuffix) {
        this(isPublicSuffix, UnaryOperator.identity());
    }

    /**
     * Creates a compiler.
     * @param isPublicSuffix whether a host name is a public suffix (such as {@code com} or {@code github.io}),
     * under which every domain belongs to someone else
     * @param policyProperty the property path of a policy by its name, where a problem has no setting of its own
     */
    public PolicyCompiler(Predicate<String> isPublicSuffix, UnaryOperator<String> policyProperty) {
        this.isPublicSuffix = isPublicSuffix;
        this.policyProperty = policyProperty;
    }

    /** The property path of a policy, where a problem about it has no setting of its own. */
    public String policyProperty(String policy) {
        return this.policyProperty.apply(policy);
    }

    /**
     * Validates and compiles a policy and its candidate.
     * @param spec the policy as configured
     * @param problems where errors and warnings are added
     * @return the compiled policy, usable only when no error was added
     */
    public CompiledPolicy compile(CorsPolicySpec spec, List<ConfigProblem> problems) {
        return compile(spec, List.of(), problems);
    }

    /**
     * Validates and compiles a policy and its candidate, both with origins supplied by the application.
     * @param spec the policy as configured
     * @param supplied origins supplied for the policy, already validated
     * @param problems where errors and warnings are added
     * @return the compiled policy, usable only when no error was added
     */
    public CompiledPolicy compile(CorsPolicySpec spec, List<SuppliedOrigins> supplied, List<ConfigProblem> problems) {
        return compile(spec, supplied, problems, true);
    }

    private CompiledPolicy compile(CorsPolicySpec spec, List<SuppliedOrigins> supplied, List<ConfigProblem> problems,
            boolean reportSupplied) {
        int first = problems.size();
        OriginProblems originProblems = new OriginProblems(spec, this.isPublicSuffix, problems);
        ExactOrigins exact = exactOrigins(spec, originProblems);
        Patterns patterns = patterns(spec, originProblems);
        List<String> methods = inCase(tokens(spec.allowedMethods(), Code.INVALID_METHOD, "method", problems), true);
        List<String> headers = tokens(spec.allowedHeaders(), Code.INVALID_HEADER_NAME, "header name", problems);
        List<String> exposed = tokens(spec.exposedHeaders(), Code.INVALID_HEADER_NAME, "header name", problems);
        checkExposedWildcard(spec, problems);
        checkMaxAge(spec.maxAge(), problems);

        CompiledPolicy candidate = compileCandidate(spec, supplied, problems, first);
        CorsPolicySpec effective = new CorsPolicySpec(spec.name(), spec.paths(), asciiHosts(spec.hosts()),
                new Setting<>(exact.effective(), spec.allowedOrigins().property()),
                new Setting<>(List.copyOf(patterns.serialised()), spec.allowedOriginPatterns().property()),
                new Setting<>(methods, spec.allowedMethods().property()), spec.allowedHeaders(), spec.exposedHeaders(),
                spec.allowCredentials(), spec.allowPrivateNetwork(), spec.maxAge(),
                (candidate != null) ? candidate.spec() : null);

        List<Set<String>> suppliedExact = new ArrayList<>(supplied.size());
        List<OriginPattern> allPatterns = patterns.parsed();
        for (SuppliedOrigins from : supplied) {
            suppliedExact.add(from.exact());
            if (!from.patterns().isEmpty()) {
                allPatterns = new ArrayList<>(allPatterns);
                allPatterns.addAll(from.patterns());
            }
            if (reportSupplied) {
                originProblems.checkSupplied(from);
            }
        }
        String exposeHeaders = exposed.isEmpty() ? null : String.join(", ", exposed);
        return new CompiledPolicy(effective,
                new OriginMatcher(exact.any(), exact.origins(), suppliedExact, allPatterns), allowedMethods(methods),
                allowedHeaders(headers), headers.contains("*") ? null : String.join(", ", headers), exposeHeaders,
                candidate, List.copyOf(supplied));
    }

    /** Exact origins, serialised, and whether "*" allows any. */
    private record ExactOrigins(boolean any, Set<String> origins) {

        List<String> effective() {
            return this.any ? withWildcard(this.origins) : List.copyOf(this.origins);
        }
    }

    private static ExactOrigins exactOrigins(CorsPolicySpec spec, OriginProblems originProblems) {
        boolean anyOrigin = false;
        Setting<List<String>> origins = spec.allowedOrigins();
        Set<String> exact = new LinkedHashSet<>();
        for (int i = 0; i < origins.value().size(); i++) {
            String value = origins.value().get(i);
            if ("*".equals(value)) {
                anyOrigin = true;
                originProblems.checkWildcard(origins, i);
                continue;
            }
            try {
                ExactOrigin origin = OriginParser.parseExact(value);
                exact.add(origin.serialised());
                originProblems.checkExact(origin, origins, i);
            }
            catch (InvalidOrigin ex) {
                originProblems.invalid(ex, origins, i);
            }
        }

        return new ExactOrigins(anyOrigin, exact);
    }

    /** Origin patterns, parsed and in their serialised form. */
    private record Patterns(List<OriginPattern> parsed, Set<String> serialised) {
    }

    private static Patterns patterns(CorsPolicySpec spec, OriginProblems originProblems) {
        List<OriginPattern> patterns = new ArrayList<>();
        Set<String> serialisedPatterns = new LinkedHashSet<>();
        Setting<List<String>> configured = spec.allowedOriginPatterns();
        for (int i = 0; i < configured.value().size(); i++) {
            try {
                OriginPattern pattern = OriginParser.parsePattern(configured.value().get(i));
                patterns.add(pattern);
                serialisedPatterns.add(pattern.serialised());
                originProblems.checkPattern(pattern, configured, i);
            }
            catch (InvalidOrigin ex) {
                originProblems.invalid(ex, configured, i);
            }
        }

        return new Patterns(patterns, serialisedPatterns);
    }

    // Found in the list as configured, not in the valid names, whose indexes an invalid name before it shifts.
    private static void checkExposedWildcard(CorsPolicySpec spec, List<ConfigProblem> problems) {
        for (Setting<String> header : Setting.elements(spec.exposedHeaders())) {
            if (spec.allowCredentials().value() && "*".equals(header.value())) {
                problems.add(new ConfigProblem(Code.WILDCARD_EXPOSED_HEADERS_WITH_CREDENTIALS, header.property(),
                        header.value(),
                        "Browsers take \"*\" in Access-Control-Expose-Headers literally when "
                                + PolicySetting.ALLOW_CREDENTIALS.key() + " is true, so no header would be exposed.",
                        "List the headers to expose, such as [X-Request-Id]."));
            }
        }
    }

    /**
     * Compiles the candidate, if any, adding the problems only it has: a mistake in a value it inherits is the
     * policy's, reported once at the policy's property.
     */
    private @Nullable CompiledPolicy compileCandidate(CorsPolicySpec spec, List<SuppliedOrigins> supplied,
            List<ConfigProblem> problems, int firstOfPolicy) {
        CorsPolicySpec candidateSpec = spec.candidate();
        if (candidateSpec == null) {
            return null;
        }
        List<ConfigProblem> policyProblems = List.copyOf(problems.subList(firstOfPolicy, problems.size()));
        List<ConfigProblem> candidateProblems = new ArrayList<>();
        // The candidate's warnings about supplied origins would repeat the policy's, unless only it has credentials.
        CompiledPolicy candidate = compile(candidateSpec, supplied, candidateProblems,
                candidateSpec.allowCredentials().value() && !spec.allowCredentials().value());
        for (ConfigProblem problem : candidateProblems) {
            if (!policyProblems.contains(problem)) {
                problems.add(atCandidateSetting(spec, candidateSpec, problem));
            }
        }
        return candidate;
    }

    // HEAD is allowed wherever GET is; null stands for any method.
    private static @Nullable List<String> allowedMethods(List<String> methods) {
        if (methods.contains("*")) {
            return null;
        }
        Set<String> set = new LinkedHashSet<>(methods);
        if (set.contains("GET")) {
            set.add("HEAD");
        }
        return List.copyOf(set);
    }

    // Lower-cased for the request-time scan; null stands for any header.
    private static String @Nullable [] allowedHeaders(List<String> headers) {
        if (headers.contains("*")) {
            return null;
        }
        return new LinkedHashSet<>(inCase(headers, false)).toArray(new String[0]);
    }

    /**
     * A problem only the candidate has with a value it inherits, such as the policy's {@code "*"} with the
     * candidate's own {@code allow-credentials: true}, reported at the candidate's setting: the property the user
     * wrote, rather than the policy's, which is fine on its own. Any other problem is returned as it is.
     */
    private static ConfigProblem atCandidateSetting(CorsPolicySpec policy, CorsPolicySpec candidate,
            ConfigProblem problem) {
        boolean inherited = inherits(candidate.allowedOrigins(), policy.allowedOrigins(), problem)
                || inherits(candidate.allowedOriginPatterns(), policy.allowedOriginPatterns(), problem)
                || inherits(candidate.exposedHeaders(), policy.exposedHeaders(), problem);
        if (!inherited) {
            return problem;
        }
        // The policy has the same value without the problem, so the candidate's own flag makes the difference.
        Setting<Boolean> own = switch (problem.code()) {
            case WILDCARD_ORIGIN_WITH_PRIVATE_NETWORK, BROAD_PATTERN_WITH_PRIVATE_NETWORK ->
                candidate.allowPrivateNetwork();
            default -> candidate.allowCredentials();
        };
        return new ConfigProblem(problem.code(), own.property(), own.value().toString(),
                problem.problem() + " The candidate inherits " + ConfigProblem.quoted(String.valueOf(problem.value()))
                        + " from " + problem.property() + ".",
                problem.fix());
    }

    private static boolean inherits(Setting<List<String>> candidate, Setting<List<String>> policy,
            ConfigProblem problem) {
        return candidate.equals(policy) && problem.property().startsWith(candidate.property() + "[");
    }

    private static List<String> tokens(Setting<List<String>> setting, Code code, String what,
            List<ConfigProblem> problems) {
        List<String> valid = new ArrayList<>(setting.value().size());
        for (Setting<String> element : Setting.elements(setting)) {
            String value = element.value();
            if ("*".equals(value) || Tokens.isToken(value)) {
                valid.add(value);
            }
            else {
                problems.add(new ConfigProblem(code, element.property(), value,
                        ConfigProblem.quoted(value) + " is not a valid " + what + ": only letters, digits and "
                                + "!#$%&'*+-.^_`|~ are allowed (RFC 9110, section 5.6.2).",
                        "Correct it, or list each " + what + " as its own element, such as [" + example(code)
                                + "]."));
            }
        }
        return valid;
    }

    private static String example(Code code) {
        return (code == Code.INVALID_METHOD) ? "GET, POST" : "Content-Type, Authorization";
    }

    private static void checkMaxAge(Setting<Duration> maxAge, List<ConfigProblem> problems) {
        Duration value = maxAge.value();
        if (value.isNegative()) {
            problems.add(new ConfigProblem(Code.NEGATIVE_MAX_AGE, maxAge.property(), shown(value),
                    "A " + PolicySetting.MAX_AGE.key() + " of " + shown(value) + " is negative, and a preflight "
                            + "cannot be cached for less than no time.",
                    "Use 0 to turn preflight caching off, or a duration such as 30m."));
        }
        else if (value.compareTo(BROWSER_MAX_AGE_CAP) > 0) {
            problems.add(new ConfigProblem(Code.MAX_AGE_ABOVE_BROWSER_CAP, maxAge.property(), shown(value),
                    "A " + PolicySetting.MAX_AGE.key() + " of " + shown(value) + " is above two hours, and Chromium "
                            + "caps preflight caching there.",
                    "Use 2h or less, so that every browser behaves alike."));
        }
    }

    /** A duration in the largest unit that states it exactly, as a user would write it: 3h, 90m, -1s. */
    private static String shown(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds != 0 && seconds % 3600 == 0) {
            return (seconds / 3600) + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return (seconds / 60) + "m";
        }
        return seconds + "s";
    }

    // The hosts in the form a Host header carries them, for everything that shows or compares the effective spec; an
    // invalid one, which the routes report, stays as written.
    private static Setting<List<String>> asciiHosts(Setting<List<String>> hosts) {
        List<String> ascii = new ArrayList<>(hosts.value().size());
        for (String host : hosts.value()) {
            HostPattern parsed = HostPattern.parse(host);
            ascii.add((parsed != null) ? parsed.toString() : host);
        }
        return new Setting<>(List.copyOf(ascii), hosts.property());
    }

    // Methods upper-cased and header names lower-cased, as the request-time checks compare them.
    private static List<String> inCase(List<String> tokens, boolean upper) {
        List<String> cased = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            cased.add(upper ? token.toUpperCase(Locale.ROOT) : token.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(cased);
    }

    private static List<String> withWildcard(Set<String> exact) {
        List<String> all = new ArrayList<>();
        all.add("*");
        all.addAll(exact);
        return List.copyOf(all);
    }
}
