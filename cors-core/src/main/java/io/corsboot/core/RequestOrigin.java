package io.corsboot.core;

/**
 * Bounded, allocation-free reading of an {@code Origin} request header in the serialised form browsers send
 * (WHATWG URL, "origin serialization"): lower-case scheme and host, no default port, nothing after the port.
 * Anything else is malformed, hence never allowed.
 *
 * <p>A parse result is packed into a {@code long} so that the request path allocates nothing: bits 0-15 hold the
 * index of the scheme's {@code ':'}, bits 16-31 the end of the host, bits 32-48 the effective port (the scheme's
 * default when none is given, 0 for schemes without one). The host starts three characters after the scheme.
 *
 * @since 0.1.0
 */
public final class RequestOrigin {

    /** Longer values are malformed: a DNS name has at most 253 characters (RFC 1035), and schemes are short. */
    static final int MAX_LENGTH = 320;

    static final long MALFORMED = -1;

    private RequestOrigin() {
    }

    static long parse(String origin) {
        int length = origin.length();
        if (length == 0 || length > MAX_LENGTH) {
            return MALFORMED;
        }
        int schemeEnd = origin.indexOf("://");
        if (schemeEnd <= 0 || !isScheme(origin, schemeEnd)) {
            return MALFORMED;
        }
        int hostStart = schemeEnd + 3;
        int hostEnd = (hostStart < length && origin.charAt(hostStart) == '[') ? scanIpv6(origin, hostStart)
                : scanHostName(origin, hostStart);
        if (hostEnd < 0) {
            return MALFORMED;
        }
        int defaultPort = defaultPort(origin, schemeEnd);
        int port = defaultPort;
        if (hostEnd < length) {
            if (origin.charAt(hostEnd) != ':') {
                return MALFORMED;
            }
            port = scanPort(origin, hostEnd + 1);
            if (port < 0 || port == defaultPort) {
                return MALFORMED;
            }
        }
        return schemeEnd | ((long) hostEnd << 16) | ((long) port << 32);
    }

    static int schemeEnd(long parsed) {
        return (int) (parsed & 0xFFFF);
    }

    static int hostStart(long parsed) {
        return schemeEnd(parsed) + 3;
    }

    static int hostEnd(long parsed) {
        return (int) ((parsed >>> 16) & 0xFFFF);
    }

    static int port(long parsed) {
        return (int) (parsed >>> 32);
    }

    /**
     * Whether an {@code Origin} header value names the scheme, host and port the request arrived on; a malformed
     * value never does. Allocates nothing.
     */
    public static boolean isSameOrigin(String origin, CorsRequest request) {
        long parsed = parse(origin);
        return parsed != MALFORMED && isSameOrigin(origin, parsed, request.scheme(), request.host(), request.port());
    }

    /** Whether a well-formed origin names the scheme, host and port that a request arrived on. */
    static boolean isSameOrigin(String origin, long parsed, String scheme, String host, int port) {
        int schemeEnd = schemeEnd(parsed);
        if (scheme.length() != schemeEnd || !origin.regionMatches(true, 0, scheme, 0, schemeEnd)) {
            return false;
        }
        int hostStart = hostStart(parsed);
        int hostLength = hostEnd(parsed) - hostStart;
        boolean hostMatches;
        if (origin.charAt(hostStart) == '[' && !host.startsWith("[")) {
            hostMatches = host.length() == hostLength - 2
                    && origin.regionMatches(true, hostStart + 1, host, 0, hostLength - 2);
        }
        else {
            hostMatches = host.length() == hostLength && origin.regionMatches(true, hostStart, host, 0, hostLength);
        }
        int requestPort = (port > 0) ? port : defaultPort(origin, schemeEnd);
        return hostMatches && requestPort == port(parsed);
    }

    /** The default port of a lower-case scheme, such as 443 for {@code https}, or 0 when it has none. */
    public static int defaultPort(String scheme) {
        return defaultPort(scheme, scheme.length());
    }

    /** Default port of a scheme given as the first {@code schemeEnd} characters of {@code value}, or 0. */
    static int defaultPort(String value, int schemeEnd) {
        if (schemeEnd == 4 && value.startsWith("http")) {
            return 80;
        }
        if (schemeEnd == 5 && value.startsWith("https")) {
            return 443;
        }
        if (schemeEnd == 2 && value.startsWith("ws")) {
            return 80;
        }
        if (schemeEnd == 3 && value.startsWith("wss")) {
            return 443;
        }
        return 0;
    }

    /** Whether the scheme is http or https, the schemes origin patterns apply to. */
    static boolean isHttp(String origin, long parsed) {
        int schemeEnd = schemeEnd(parsed);
        return (schemeEnd == 4 && origin.startsWith("http")) || (schemeEnd == 5 && origin.startsWith("https"));
    }

    // scheme = lower-case ALPHA *( lower-case ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986, section 3.1, as serialised)
    private static boolean isScheme(String value, int end) {
        char first = value.charAt(0);
        if (first < 'a' || first > 'z') {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** End of a host name of non-empty dot-separated labels, or -1. */
    private static int scanHostName(String value, int start) {
        int length = value.length();
        int i = start;
        boolean labelEmpty = true;
        while (i < length) {
            char c = value.charAt(i);
            if (c == '.') {
                if (labelEmpty) {
                    return -1;
                }
                labelEmpty = true;
            }
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                labelEmpty = false;
            }
            else if (c == ':') {
                break;
            }
            else {
                return -1;
            }
            i++;
        }
        return labelEmpty ? -1 : i;
    }

    /** End (after the bracket) of a bracketed, lower-case IPv6 literal, or -1. */
    private static int scanIpv6(String value, int start) {
        int close = value.indexOf(']', start);
        if (close < start + 3) {
            return -1;
        }
        for (int i = start + 1; i < close; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.')) {
                return -1;
            }
        }
        return close + 1;
    }

    /** A port of 1 to 5 digits without a leading zero, 1 to 65535, running to the end of the value; or -1. */
    private static int scanPort(String value, int start) {
        int length = value.length();
        int digits = length - start;
        if (digits < 1 || digits > 5 || value.charAt(start) == '0') {
            return -1;
        }
        int port = 0;
        for (int i = start; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            port = port * 10 + (c - '0');
        }
        return (port <= 65535) ? port : -1;
    }
}
