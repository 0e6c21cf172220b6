package io.corsboot.actuate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.corsboot.core.RequestOrigin;

/**
 * An origin as a person might type it, read leniently so that {@code check} can name what differs from the form
 * browsers send: any case, an explicit port, a trailing slash or a path.
 *
 * @param scheme the scheme as written
 * @param host the host as written
 * @param port the port as written, or null
 * @param rest anything after the host and port, such as {@code /}, or empty
 */
record OriginParts(String scheme, String host, @Nullable Integer port, String rest) {

    private static final Pattern ORIGIN = Pattern
        .compile("([A-Za-z][A-Za-z0-9+.-]*)://(\\[[0-9A-Fa-f:.]+]|[^/?#:@\\[\\]]+)(?::([0-9]{1,5}))?([/?#].*)?");

    /** The parts of a value, or null when it is no origin at all, or holds whitespace or control characters. */
    static @Nullable OriginParts parse(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return null;
            }
        }
        Matcher matcher = ORIGIN.matcher(value);
        if (!matcher.matches()) {
            return null;
        }
        String port = matcher.group(3);
        if (port != null && Integer.parseInt(port) > 65535) {
            return null;
        }
        String rest = matcher.group(4);
        return new OriginParts(matcher.group(1), matcher.group(2), (port != null) ? Integer.valueOf(port) : null,
                (rest != null) ? rest : "");
    }

    /** The port a browser would connect to: the one written, else the scheme's default, or -1 when it has none. */
    int effectivePort() {
        return (this.port != null) ? this.port : defaultPort(this.scheme.toLowerCase(Locale.ROOT));
    }

    /** The same origin in the serialised form browsers send: lower case, no default port, nothing after the port. */
    OriginParts serialised() {
        String scheme = this.scheme.toLowerCase(Locale.ROOT);
        Integer port = (this.port != null && this.port != defaultPort(scheme)) ? this.port : null;
        return new OriginParts(scheme, this.host.toLowerCase(Locale.ROOT), port, "");
    }

    OriginParts withScheme(String scheme) {
        return new OriginParts(scheme, this.host, this.port, this.rest);
    }

    OriginParts withHost(String host) {
        return new OriginParts(this.scheme, host, this.port, this.rest);
    }

    OriginParts withPort(@Nullable Integer port) {
        return new OriginParts(this.scheme, this.host, port, this.rest);
    }

    // The core answers 0 for a scheme without a default port; -1 keeps that apart from a port written as 0.
    private static int defaultPort(String scheme) {
        int port = RequestOrigin.defaultPort(scheme);
        return (port != 0) ? port : -1;
    }

    @Override
    public String toString() {
        return this.scheme + "://" + this.host + ((this.port != null) ? ":" + this.port : "") + this.rest;
    }
}
