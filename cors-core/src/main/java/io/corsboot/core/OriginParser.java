package io.corsboot.core;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.ConfigProblem.Code;

/**
 * Strict reading of configured origins and origin patterns, at startup only: every mistake becomes a
 * {@link InvalidOrigin} that says what is wrong and how to fix it, and valid values come out normalised to the
 * serialised form browsers send.
 */
final class OriginParser {

    private OriginParser() {
    }

    /** A configured exact origin in serialised form, such as {@code https://app.example.com:8443}. */
    record ExactOrigin(String serialised, String scheme, String host) {
    }

    /**
     * A configured origin pattern.
     *
     * @param scheme http or https
     * @param host the host; the domain after the leftmost label when {@code subdomains} or {@code label} is set; null
     * for any host
     * @param subdomains whether the pattern is {@code *.host}: one or more labels before {@code host}
     * @param label the leftmost label, with one {@code *} inside it, before {@code host}, or null
     * @param ports the allowed ports, the scheme's default counted as a port; null for any port
     */
    record OriginPattern(String scheme, @Nullable String host, boolean subdomains, @Nullable LabelWildcard label,
            int @Nullable [] ports) {

        /**
         * The pattern in one canonical spelling, as {@link #parsePattern} reads it back: scheme and host as
         * normalised, the scheme's default port left out, a port list sorted. Patterns that match the same origins
         * are spelled alike.
         */
        String serialised() {
            if ("*".equals(this.scheme)) {
                return "*";
            }
            StringBuilder text = new StringBuilder(this.scheme).append("://");
            if (this.host == null) {
                text.append('*');
            }
            else {
                if (this.subdomains) {
                    text.append("*.");
                }
                else if (this.label != null) {
                    text.append(this.label.prefix()).append('*').append(this.label.suffix()).append('.');
                }
                text.append(this.host);
            }
            if (this.ports == null) {
                text.append(":[*]");
            }
            else if (this.ports.length > 1) {
                text.append(":[");
                for (int i = 0; i < this.ports.length; i++) {
                    text.append((i > 0) ? "," : "").append(this.ports[i]);
                }
                text.append(']');
            }
            else if (this.ports[0] != RequestOrigin.defaultPort(this.scheme)) {
                text.append(':').append(this.ports[0]);
            }
            return text.toString();
        }

        /** Whether the pattern's {@code *} stands for host text, rather than the whole host or any origin. */
        boolean wildcardInHost() {
            return this.host != null && (this.subdomains || this.label != null);
        }

        // By value, as the serialised spelling: a record compares arrays by reference.
        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof OriginPattern pattern && this.scheme.equals(pattern.scheme)
                    && Objects.equals(this.host, pattern.host) && this.subdomains == pattern.subdomains
                    && Objects.equals(this.label, pattern.label) && Arrays.equals(this.ports, pattern.ports);
        }

        @Override
        public int hashCode() {
            return Objects.hash(this.scheme, this.host, this.subdomains, this.label, Arrays.hashCode(this.ports));
        }
    }

    /**
     * A leftmost host label with one {@code *} inside it, such as {@code app-*}: the {@code *} stands for one or more
     * letters, digits or hyphens, never a dot.
     *
     * @param prefix the label's text before the {@code *}
     * @param suffix the label's text after it
     */
    record LabelWildcard(String prefix, String suffix) {

        /** Whether {@code origin[start, end)}, one label of a serialised origin, matches. Allocates nothing. */
        boolean matches(String origin, int start, int end) {
            int middleStart = start + this.prefix.length();
            int middleEnd = end - this.suffix.length();
            if (middleEnd <= middleStart || !origin.startsWith(this.prefix, start)
                    || !origin.startsWith(this.suffix, middleEnd)) {
                return false;
            }
            for (int i = middleStart; i < middleEnd; i++) {
                char c = origin.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                    return false;
                }
            }
            return true;
        }
    }

    /** What is wrong with a configured value, in the words the user reads. */
    static final class InvalidOrigin extends Exception {

        private final Code code;

        private final String fix;

        InvalidOrigin(Code code, String problem, String fix) {
            super(problem, null, false, false);
            this.code = code;
            this.fix = fix;
        }

        Code code() {
            return this.code;
        }

        String fix() {
            return this.fix;
        }
    }

    static ExactOrigin parseExact(String value) throws InvalidOrigin {
        if ("null".equals(value)) {
            return new ExactOrigin("null", "null", "");
        }
        Authority authority = parseAuthority(value, false);
        if (authority.host.contains("*")) {
            throw new InvalidOrigin(Code.ORIGIN_MALFORMED,
                    "has a \"*\", which an exact origin takes literally, so it can never match.",
                    "Move \"" + value + "\" to " + PolicySetting.ALLOWED_ORIGIN_PATTERNS.key() + ".");
        }
        String host = authority.isHttp() ? normaliseHttpHost(value, authority.host) : normaliseOtherHost(value,
                authority.host);
        int defaultPort = RequestOrigin.defaultPort(authority.scheme);
        int port = parsePort(value, authority.port, authority.scheme);
        String shownPort = (port == defaultPort) ? null : Integer.toString(port);
        // The configured string itself where it is already serialised, as it nearly always is: a policy then keeps
        // one copy of each origin, and no other is built.
        String serialised = isSerialised(value, authority.scheme, host, shownPort) ? value
                : authority.scheme + "://" + host + ((shownPort != null) ? ":" + shownPort : "");
        return new ExactOrigin(serialised, authority.scheme, host);
    }

    /** Whether a value reads {@code scheme://host}, then {@code :port} where the port is given. */
    private static boolean isSerialised(String value, String scheme, String host, @Nullable String port) {
        int hostStart = scheme.length() + 3;
        int hostEnd = hostStart + host.length();
        int length = (port != null) ? hostEnd + 1 + port.length() : hostEnd;
        return value.length() == length && value.startsWith(scheme) && value.startsWith("://", scheme.length())
                && value.startsWith(host, hostStart)
                && (port == null || (value.charAt(hostEnd) == ':' && value.startsWith(port, hostEnd + 1)));
    }

    static OriginPattern parsePattern(String value) throws InvalidOrigin {
        if ("*".equals(value)) {
            return new OriginPattern("*", null, false, null, null);
        }
        Authority authority = parseAuthority(value, true);
        if (!authority.isHttp()) {
            throw new InvalidOrigin(Code.PATTERN_SCHEME_NOT_HTTP,
                    "has a scheme other than http and https, and origin patterns apply to those two only.",
                    "List \"" + value + "\" under " + PolicySetting.ALLOWED_ORIGINS.key()
                            + ", where any scheme may be used.");
        }
        int[] ports = parsePortRule(value, authority);
        String host = authority.host;
        if ("*".equals(host)) {
            return new OriginPattern(authority.scheme, null, false, null, ports);
        }
        int firstDot = host.indexOf('.');
        String leftmost = (firstDot < 0) ? host : host.substring(0, firstDot);
        String domain = (firstDot < 0) ? "" : host.substring(firstDot + 1);
        int wildcards = (int) leftmost.chars().filter((c) -> c == '*').count();
        if (domain.contains("*") || (wildcards > 0 && domain.isEmpty())) {
            throw misplacedWildcard(value);
        }
        if (wildcards > 1) {
            throw new InvalidOrigin(Code.PATTERN_WILDCARD_MISPLACED,
                    "has more than one \"*\" in its leftmost host label, and a label may hold one.",
                    "Use one \"*\", such as \"https://app-*.example.com\", or list the origins in "
                            + PolicySetting.ALLOWED_ORIGINS.key() + ".");
        }
        if (wildcards == 0) {
            return new OriginPattern(authority.scheme, normaliseHttpHost(value, host), false, null, ports);
        }
        if ("*".equals(leftmost)) {
            return new OriginPattern(authority.scheme, normaliseHttpHost(value, domain), true, null, ports);
        }
        String lowerCase = leftmost.toLowerCase(Locale.ROOT);
        if (!isWildcardLabel(lowerCase)) {
            throw new InvalidOrigin(Code.PATTERN_WILDCARD_MISPLACED,
                    "has a \"*\" inside a host label with characters other than letters, digits and hyphens.",
                    "Write the label's fixed part in ASCII (internationalised names in their xn-- form), such as "
                            + "\"https://app-*.example.com\".");
        }
        int star = lowerCase.indexOf('*');
        return new OriginPattern(authority.scheme, normaliseHttpHost(value, domain), false,
                new LabelWildcard(lowerCase.substring(0, star), lowerCase.substring(star + 1)), ports);
    }

    private record Authority(String scheme, String host, @Nullable String port) {

        boolean isHttp() {
            return "http".equals(this.scheme) || "https".equals(this.scheme);
        }
    }

    /**
     * A value cut at the delimiters of an origin and nothing checked: the scheme before {@code ://}, the authority
     * up to the first of {@code / ? #}, its host and port, and the rest from that delimiter on. A pattern's port
     * may be a list in brackets, such as {@code [8080,8081]}.
     */
    record Split(String scheme, String authority, String host, @Nullable String port, String rest) {
    }

    /** The value cut at the delimiters of an origin, or null when it has no {@code ://}. */
    static @Nullable Split split(String value, boolean pattern) {
        int schemeEnd = value.indexOf("://");
        if (schemeEnd < 0) {
            return null;
        }
        String afterScheme = value.substring(schemeEnd + 3);
        int pathStart = indexOfAny(afterScheme, "/?#");
        String authority = (pathStart < 0) ? afterScheme : afterScheme.substring(0, pathStart);
        String rest = (pathStart < 0) ? "" : afterScheme.substring(pathStart);
        String host = authority;
        String port = null;
        int bracket = authority.lastIndexOf(']');
        int colon = authority.lastIndexOf(':');
        if (colon > bracket) {
            host = authority.substring(0, colon);
            port = authority.substring(colon + 1);
        }
        else if (pattern && authority.endsWith("]") && authority.contains(":[")) {
            int portStart = authority.lastIndexOf(":[");
            host = authority.substring(0, portStart);
            port = authority.substring(portStart + 1);
        }
        return new Split(value.substring(0, schemeEnd), authority, host, port, rest);
    }

    /** Whether a value holds whitespace or a control character, which browsers never send in an origin. */
    static boolean hasWhitespaceOrControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Whether a value is a URL scheme in any case (RFC 3986, section 3.1). */
    static boolean isSchemeName(String value) {
        if (value.isEmpty() || !isAsciiLetter(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isAsciiLetter(c) || isDigit(c) || c == '+' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static Authority parseAuthority(String value, boolean pattern) throws InvalidOrigin {
        if (hasWhitespaceOrControl(value)) {
            throw new InvalidOrigin(Code.ORIGIN_MALFORMED,
                    "contains whitespace or a control character, which browsers never send in an origin.",
                    "Remove it: \"" + value.replaceAll("[\\s\\p{Cntrl}]", "") + "\".");
        }
        Split split = split(value, pattern);
        if (split == null) {
            String bare = value.replaceAll("/+$", "");
            throw new InvalidOrigin(Code.ORIGIN_WITHOUT_SCHEME,
                    "has no scheme, and browsers always send one, so it can never match.",
                    "Add the scheme: \"https://" + bare + "\" (or \"http://" + bare + "\" for a local server).");
        }
        if (pattern && split.scheme().contains("*")) {
            throw new InvalidOrigin(Code.PATTERN_WILDCARD_MISPLACED,
                    "has a \"*\" in its scheme, and a pattern names its scheme: http or https.",
                    "Write one pattern per scheme, such as \"https://" + split.authority() + split.rest() + "\".");
        }
        if (!isSchemeName(split.scheme())) {
            throw new InvalidOrigin(Code.ORIGIN_MALFORMED, "has a scheme that is not a valid URL scheme.",
                    "Write the origin as scheme://host[:port], such as \"https://app.example.com\".");
        }
        String scheme = split.scheme().toLowerCase(Locale.ROOT);
        String authority = split.authority();
        if (!split.rest().isEmpty()) {
            String what = split.rest().equals("/") ? "a trailing slash" : "a path, query or fragment";
            throw new InvalidOrigin(Code.ORIGIN_HAS_PATH,
                    "has " + what + ", and browsers never send one in an origin, so it can never match.",
                    "Remove it: \"" + scheme + "://" + authority + "\".");
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            throw new InvalidOrigin(Code.ORIGIN_HAS_USERINFO,
                    "has user information, and browsers never send it in an origin, so it can never match.",
                    "Remove it: \"" + scheme + "://" + authority.substring(at + 1) + "\".");
        }
        if (split.host().isEmpty()) {
            throw new InvalidOrigin(Code.ORIGIN_MALFORMED, "has no host.",
                    "Write the origin as scheme://host[:port], such as \"https://app.example.com\".");
        }
        return new Authority(scheme, split.host(), split.port());
    }

    private static int parsePort(String value, @Nullable String port, String scheme) throws InvalidOrigin {
        int defaultPort = RequestOrigin.defaultPort(scheme);
        if (port == null) {
            return defaultPort;
        }
        if (!isPortNumber(port) || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new InvalidOrigin(Code.ORIGIN_MALFORMED, "has a port that is not a number from 1 to 65535.",
                    "Correct the port, or use " + PolicySetting.ALLOWED_ORIGIN_PATTERNS.key()
                            + " with a port list such as \":[8080,8081]\".");
        }
        return Integer.parseInt(port);
    }

    private static int @Nullable [] parsePortRule(String value, Authority authority) throws InvalidOrigin {
        String port = authority.port;
        if ("[*]".equals(port)) {
            return null;
        }
        if (port != null && port.startsWith("[") && port.endsWith("]")) {
            TreeSet<Integer> ports = new TreeSet<>();
            for (String element : port.substring(1, port.length() - 1).split(",", -1)) {
                ports.add(parsePort(value, element, authority.scheme));
            }
            return ports.stream().mapToInt(Integer::intValue).toArray();
        }
        return new int[] { parsePort(value, port, authority.scheme) };
    }

    private static String normaliseHttpHost(String value, String host) throws InvalidOrigin {
        if (host.startsWith("[")) {
            return normaliseIpv6(value, host);
        }
        if (isAsciiHostName(host)) {
            return host.toLowerCase(Locale.ROOT);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidOrigin(Code.ORIGIN_MALFORMED, "has a host name that is not valid: " + ex.getMessage()
                    + ".", "Correct the host name.");
        }
        return checkHostName(value, ascii);
    }

    private static String normaliseOtherHost(String value, String host) throws InvalidOrigin {
        return checkHostName(value, host.toLowerCase(Locale.ROOT));
    }

    private static String checkHostName(String value, String host) throws InvalidOrigin {
        if (!isHostName(host, false)) {
            throw new InvalidOrigin(Code.ORIGIN_MALFORMED,
                    "has a host that is not a sequence of dot-separated names, so it can never match.",
                    "Correct the host; origins look like \"https://app.example.com\".");
        }
        return host;
    }

    // Browsers serialise IPv6 hosts as RFC 5952 text: lower case, the longest run of two or more zero pieces
    // compressed (WHATWG URL, "IPv6 serializer"). Only a literal is given to InetAddress, so nothing is looked up.
    private static String normaliseIpv6(String value, String host) throws InvalidOrigin {
        if (host.length() < 3 || !host.endsWith("]")) {
            throw invalidIpv6(value);
        }
        String literal = host.substring(1, host.length() - 1);
        if (!literal.matches("[0-9A-Fa-f:.]+")) {
            throw invalidIpv6(value);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(host).getAddress();
        }
        catch (UnknownHostException ex) {
            throw invalidIpv6(value);
        }
        if (bytes.length == 4) {
            bytes = mappedIpv4(bytes);
        }
        int[] pieces = new int[8];
        for (int i = 0; i < 8; i++) {
            pieces[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && pieces[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append((i == 0) ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            text.append(Integer.toHexString(pieces[i]));
            if (i < 7) {
                text.append(':');
            }
        }
        return text.append(']').toString();
    }

    private static byte[] mappedIpv4(byte[] ipv4) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, mapped, 12, 4);
        return mapped;
    }

    private static InvalidOrigin invalidIpv6(String value) {
        return new InvalidOrigin(Code.ORIGIN_MALFORMED, "has an IPv6 host that is not a valid address.",
                "Write the address in brackets, such as \"http://[::1]:8080\".");
    }

    private static InvalidOrigin misplacedWildcard(String value) {
        return new InvalidOrigin(Code.PATTERN_WILDCARD_MISPLACED,
                "has a \"*\" outside the leftmost host label, or no domain after it; a \"*\" is either the whole "
                        + "leftmost label (\"*.\" before a domain: one or more labels) or inside it (one or more "
                        + "letters, digits or hyphens).",
                "Write the pattern as \"https://*.example.com\" or \"https://app-*.example.com\", optionally with a "
                        + "port list such as \":[*]\".");
    }

    // The checks below are loops rather than regular expressions: they run for every configured origin, and
    // String.matches compiles its expression on every call.

    /**
     * Whether a host is dot-separated names of ASCII letters, digits, {@code _} and {@code -}, each of 1 to 63
     * characters: IDNA leaves such a name as it is, so it is read without it.
     */
    private static boolean isAsciiHostName(String host) {
        return isHostName(host, true);
    }

    /**
     * Whether a host is dot-separated names, none empty, of letters, digits, {@code _} and {@code -}: lower case
     * only, or in any case with labels of at most 63 characters.
     */
    private static boolean isHostName(String host, boolean anyCaseUpTo63) {
        int labelStart = 0;
        for (int i = 0; i <= host.length(); i++) {
            if (i == host.length() || host.charAt(i) == '.') {
                int length = i - labelStart;
                if (length == 0 || (anyCaseUpTo63 && length > 63)) {
                    return false;
                }
                labelStart = i + 1;
                continue;
            }
            char c = host.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (anyCaseUpTo63 && c >= 'A' && c <= 'Z');
            if (!(letter || isDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Whether a lower-case label holding one {@code *} is otherwise letters, digits and hyphens. */
    private static boolean isWildcardLabel(String label) {
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!((c >= 'a' && c <= 'z') || isDigit(c) || c == '-' || c == '*')) {
                return false;
            }
        }
        return true;
    }

    /** Whether a port is one to five digits. */
    private static boolean isPortNumber(String port) {
        if (port.isEmpty() || port.length() > 5) {
            return false;
        }
        for (int i = 0; i < port.length(); i++) {
            if (!isDigit(port.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int indexOfAny(String value, String characters) {
        for (int i = 0; i < value.length(); i++) {
            if (characters.indexOf(value.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Whether an origin's host is a loopback one, where plain http is not a risk. */
    static boolean isLoopback(@Nullable String host) {
        return host != null && (host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]"));
    }

}
