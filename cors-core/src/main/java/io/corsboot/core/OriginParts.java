package io.corsboot.core;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An origin as a person might write it, read leniently so that a check can name what differs from the form browsers
 * send: any case, an explicit port, a trailing slash or a path. It is cut as the startup parser cuts a configured
 * origin; requests are read by {@link RequestOrigin} alone.
 *
 * @param scheme the scheme as written
 * @param host the host as written
 * @param port the port as written, or null
 * @param rest anything after the host and port, such as {@code /}, or empty
 * @since 0.1.0
 */
public record OriginParts(String scheme, String host, @Nullable Integer port, String rest) {

    /**
     * The parts of a value, or null when it is no origin at all: no scheme, user information, a host that is
     * neither a name nor a bracketed IPv6 literal, a port that is not 0 to 65535, or whitespace or control
     * characters anywhere.
     */
    public static @Nullable OriginParts read(String value) {
        if (OriginParser.hasWhitespaceOrControl(value)) {
            return null;
        }
        OriginParser.Split split = OriginParser.split(value, false);
        if (split == null || !OriginParser.isSchemeName(split.scheme()) || split.authority().indexOf('@') >= 0
                || !isHost(split.host())) {
            return null;
        }
        String port = split.port();
        if (port != null && !port.matches("[0-9]{1,5}")) {
            return null;
        }
        Integer number = (port != null) ? Integer.valueOf(port) : null;
        if (number != null && number > 65535) {
            return null;
        }
        return new OriginParts(split.scheme(), split.host(), number, split.rest());
    }

    private static boolean isHost(String host) {
        return host.matches("\\[[0-9A-Fa-f:.]+]|[^:@\\[\\]]+");
    }

    /** The port a browser would connect to: the one written, else the scheme's default, or -1 when it has none. */
    public int effectivePort() {
        return (this.port != null) ? this.port : defaultPort(this.scheme.toLowerCase(Locale.ROOT));
    }

    /** The same origin in the serialised form browsers send: lower case, no default port, nothing after the port. */
    public OriginParts serialised() {
        String scheme = this.scheme.toLowerCase(Locale.ROOT);
        Integer port = (this.port != null && this.port != defaultPort(scheme)) ? this.port : null;
        return new OriginParts(scheme, this.host.toLowerCase(Locale.ROOT), port, "");
    }

    /** The same parts with another scheme. */
    public OriginParts withScheme(String scheme) {
        return new OriginParts(scheme, this.host, this.port, this.rest);
    }

    /** The same parts with another host. */
    public OriginParts withHost(String host) {
        return new OriginParts(this.scheme, host, this.port, this.rest);
    }

    /** The same parts with another port, or none. */
    public OriginParts withPort(@Nullable Integer port) {
        return new OriginParts(this.scheme, this.host, port, this.rest);
    }

    // RequestOrigin answers 0 for a scheme without a default port; -1 keeps that apart from a port written as 0.
    private static int defaultPort(String scheme) {
        int port = RequestOrigin.defaultPort(scheme);
        return (port != 0) ? port : -1;
    }

    @Override
    public String toString() {
        return this.scheme + "://" + this.host + ((this.port != null) ? ":" + this.port : "") + this.rest;
    }
}
