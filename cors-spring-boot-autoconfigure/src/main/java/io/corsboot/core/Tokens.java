package io.corsboot.core;

/** HTTP token syntax (RFC 9110, section 5.6.2), shared by methods and header names. */
final class Tokens {

    private Tokens() {
    }

    // tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    static boolean isToken(String value, int start, int end) {
        if (start >= end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!isTokenChar(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isToken(String value) {
        return isToken(value, 0, value.length());
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }
}
