package io.corsboot.autoconfigure;

import com.google.common.net.InternetDomainName;

/**
 * Whether a host name is a public suffix, by the Public Suffix List as Guava ships it: ICANN suffixes (com, co.uk)
 * and private ones (github.io).
 */
final class PublicSuffixes {

    private PublicSuffixes() {
    }

    static boolean isPublicSuffix(String host) {
        return InternetDomainName.isValid(host) && InternetDomainName.from(host).isPublicSuffix();
    }
}
