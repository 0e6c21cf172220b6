package io.corsboot.core;

import java.net.IDN;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A host name that a policy is limited to, or {@code *.} and a domain for every host under it (one or more labels,
 * never the domain itself), as configured in a policy's {@code hosts}. Compared with the request's host without its
 * port, case-insensitively; internationalised names are held in their ASCII form, as a {@code Host} header carries
 * them.
 *
 * @param name the host name, or the domain after {@code *.}, lower-case ASCII
 * @param subdomains whether the pattern is {@code *.name}
 * @since 0.1.0
 */
public record HostPattern(String name, boolean subdomains) {

    /**
     * Reads a configured host name or pattern.
     * @param value the value as configured
     * @return the pattern, or null when the value is neither a host name nor {@code *.} and a domain
     */
    public static @Nullable HostPattern parse(String value) {
        boolean subdomains = value.startsWith("*.");
        String name = subdomains ? value.substring(2) : value;
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
        return ascii.matches("[a-z0-9-]+(\\.[a-z0-9-]+)*") ? new HostPattern(ascii, subdomains) : null;
    }

    /**
     * How well a request's host matches, for choosing among policies: {@link Integer#MAX_VALUE} for the host itself,
     * the domain's length for a host under a {@code *.} pattern's domain, so that a longer domain wins, or -1.
     * Allocates nothing.
     * @param host the request's host without its port
     * @return the rank of the match, or -1 when the host does not match
     */
    public int rank(String host) {
        int length = this.name.length();
        if (!this.subdomains) {
            return (host.length() == length && host.regionMatches(true, 0, this.name, 0, length)) ? Integer.MAX_VALUE
                    : -1;
        }
        int start = host.length() - length;
        return (start > 1 && host.charAt(start - 1) == '.' && host.regionMatches(true, start, this.name, 0, length))
                ? length : -1;
    }

    /** Whether some host matches both patterns. */
    public boolean overlaps(HostPattern other) {
        if (!this.subdomains && !other.subdomains) {
            return this.name.equals(other.name);
        }
        if (this.subdomains && other.subdomains) {
            return isUnder(this.name, other.name) || isUnder(other.name, this.name);
        }
        HostPattern pattern = this.subdomains ? this : other;
        HostPattern host = this.subdomains ? other : this;
        return pattern.rank(host.name) >= 0;
    }

    // Whether a domain is the other one or one of its subdomains.
    private static boolean isUnder(String domain, String other) {
        return domain.equals(other) || domain.endsWith("." + other);
    }

    @Override
    public String toString() {
        return (this.subdomains ? "*." : "") + this.name;
    }
}
