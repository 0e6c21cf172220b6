package io.corsboot.core;

import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.ConfigProblem.Code;
import io.corsboot.core.OriginParser.ExactOrigin;
import io.corsboot.core.OriginParser.InvalidOrigin;
import io.corsboot.core.OriginParser.OriginPattern;

/**
 * What is wrong with the origins of one policy, or risky given its credentials and private network settings, in the
 * words that the startup report, the log and the endpoint share. Each check adds what it finds to the policy's
 * problems. An origin is checked as the element of its list at an index, whose property path is spelled only for a
 * problem: a policy may list thousands of origins, nearly all of them fine.
 */
final class OriginProblems {

    /** The fix for a {@code *} inside a label directly under a public suffix, configured or supplied. */
    static final String PARTIAL_LABEL_UNDER_PUBLIC_SUFFIX_FIX =
            "List the exact origins, or supply them from an OriginSupplier bean.";

    private final boolean credentials;

    private final boolean privateNetwork;

    private final Predicate<String> isPublicSuffix;

    private final List<ConfigProblem> problems;

    OriginProblems(CorsPolicySpec spec, Predicate<String> isPublicSuffix, List<ConfigProblem> problems) {
        this.credentials = spec.allowCredentials().value();
        this.privateNetwork = spec.allowPrivateNetwork().value();
        this.isPublicSuffix = isPublicSuffix;
        this.problems = problems;
    }

    /** {@code "*"} in the exact origins. */
    void checkWildcard(Setting<List<String>> origins, int index) {
        if (this.credentials) {
            add(Code.WILDCARD_ORIGIN_WITH_CREDENTIALS, Setting.element(origins, index),
                    "\"*\" allows every origin, and browsers refuse \"*\" when " + PolicySetting.ALLOW_CREDENTIALS.key()
                            + " is true.",
                    "List the trusted origins, or use " + PolicySetting.ALLOWED_ORIGIN_PATTERNS.key()
                            + " such as \"https://*.example.com\".");
        }
        if (this.privateNetwork) {
            add(Code.WILDCARD_ORIGIN_WITH_PRIVATE_NETWORK, Setting.element(origins, index),
                    "For security reasons, \"*\" and " + PolicySetting.ALLOW_PRIVATE_NETWORK.key()
                            + " cannot both be set: every public website could then reach this private-network "
                            + "server.",
                    "List the trusted origins, or set " + PolicySetting.ALLOW_PRIVATE_NETWORK.key() + " to false.");
        }
    }

    void checkExact(ExactOrigin origin, Setting<List<String>> origins, int index) {
        if ("null".equals(origin.serialised()) && this.credentials) {
            add(Code.NULL_ORIGIN_WITH_CREDENTIALS, Setting.element(origins, index),
                    "For security reasons, \"null\" and " + PolicySetting.ALLOW_CREDENTIALS.key()
                            + " cannot both be set: any sandboxed iframe or local file sends \"null\", so it is as "
                            + "open as \"*\".",
                    "Remove \"null\", or set " + PolicySetting.ALLOW_CREDENTIALS.key() + " to false.");
        }
        if (isInsecure("http".equals(origin.scheme()), origin.host())) {
            addInsecure(Setting.element(origins, index));
        }
    }

    void checkPattern(OriginPattern pattern, Setting<List<String>> patterns, int index) {
        boolean everyOrigin = pattern.host() == null;
        String scope = "*".equals(pattern.scheme()) ? "every origin" : "every " + pattern.scheme() + " origin";
        if (everyOrigin && this.credentials) {
            add(Code.BROAD_PATTERN_WITH_CREDENTIALS, Setting.element(patterns, index),
                    "For security reasons, a pattern that matches " + scope + " and "
                            + PolicySetting.ALLOW_CREDENTIALS.key()
                            + " cannot both be set: any website could read your users' data.",
                    "Narrow the pattern to your domain, such as \"https://*.example.com\".");
        }
        if (everyOrigin && this.privateNetwork) {
            add(Code.BROAD_PATTERN_WITH_PRIVATE_NETWORK, Setting.element(patterns, index),
                    "For security reasons, a pattern that matches " + scope + " and "
                            + PolicySetting.ALLOW_PRIVATE_NETWORK.key() + " cannot both be set: every public website "
                            + "could then reach this private-network server.",
                    "Narrow the pattern to your domain, or set " + PolicySetting.ALLOW_PRIVATE_NETWORK.key()
                            + " to false.");
        }
        if (pattern.label() != null && this.isPublicSuffix.test(pattern.host())) {
            add(Code.PARTIAL_LABEL_UNDER_PUBLIC_SUFFIX, Setting.element(patterns, index),
                    ConfigProblem.quoted(patterns.value().get(index)) + " " + partialLabelUnderPublicSuffix(pattern),
                    PARTIAL_LABEL_UNDER_PUBLIC_SUFFIX_FIX);
        }
        if (!everyOrigin && pattern.subdomains() && this.credentials && this.isPublicSuffix.test(pattern.host())) {
            add(Code.PUBLIC_SUFFIX_PATTERN_WITH_CREDENTIALS, Setting.element(patterns, index),
                    "For security reasons, a pattern for every domain under the public suffix \"" + pattern.host()
                            + "\" and " + PolicySetting.ALLOW_CREDENTIALS.key()
                            + " cannot both be set: those domains belong to other people.",
                    "Name your own domain, such as \"" + pattern.scheme() + "://*.example." + pattern.host() + "\".");
        }
        if (!"*".equals(pattern.scheme()) && isInsecure("http".equals(pattern.scheme()), pattern.host())) {
            addInsecure(Setting.element(patterns, index));
        }
    }

    // Anyone can register app-x.com or claim my-team.vercel.app: a label matched in part under a public suffix is
    // as open as the suffix itself, credentials or not.
    static String partialLabelUnderPublicSuffix(OriginPattern pattern) {
        return "has a \"*\" inside a host label directly under the public suffix \"" + pattern.host()
                + "\", so it matches host names that anyone can register or claim there.";
    }

    /** The plain-http origins an application supplies, which only credentials make a risk. */
    void checkSupplied(SuppliedOrigins supplied) {
        for (String value : supplied.insecure()) {
            if (isInsecure(true, null)) {
                addInsecure(new Setting<>(value, supplied.property()));
            }
        }
    }

    void invalid(InvalidOrigin ex, Setting<List<String>> list, int index) {
        Setting<String> element = Setting.element(list, index);
        add(ex.code(), element, ConfigProblem.quoted(element.value()) + " " + ex.getMessage(), ex.fix());
    }

    private boolean isInsecure(boolean http, @Nullable String host) {
        return this.credentials && http && !OriginParser.isLoopback(host);
    }

    private void addInsecure(Setting<String> element) {
        add(Code.INSECURE_ORIGIN_WITH_CREDENTIALS, element,
                ConfigProblem.quoted(element.value()) + " is plain http and allowed with credentials: anyone on "
                        + "its network path can run script there and read your users' data.",
                "Use https for this origin, or set " + PolicySetting.ALLOW_CREDENTIALS.key() + " to false.");
    }

    private void add(Code code, Setting<String> element, String problem, String fix) {
        this.problems.add(new ConfigProblem(code, element.property(), element.value(), problem, fix));
    }
}
