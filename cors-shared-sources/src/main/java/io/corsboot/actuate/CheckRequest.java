package io.corsboot.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

import io.corsboot.actuate.CorsEndpoint.CheckParameters;
import io.corsboot.core.CorsHeaders;
import io.corsboot.core.CorsRequest;
import io.corsboot.core.OriginParts;
import io.corsboot.core.RequestOrigin;
import io.corsboot.core.Tokens;

/**
 * The request a browser would send for the parameters of a {@code check}: the preflight when the method, the headers,
 * the content type or private network access call for one, the actual request otherwise.
 */
final class CheckRequest implements CorsRequest {

    // Fetch, "CORS-safelisted method".
    private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");

    // Fetch, "normalize a method": these are sent in upper case, any other method exactly as the script wrote it.
    private static final Set<String> NORMALIZED_METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");

    // Fetch, "CORS-safelisted request-header", for Content-Type: the MIME type's essence must be one of these.
    private static final Set<String> SAFELISTED_CONTENT_TYPES = Set.of("application/x-www-form-urlencoded",
            "multipart/form-data", "text/plain");

    // Fetch: a safelisted request-header value is at most 128 bytes.
    private static final int MAX_SAFELISTED_VALUE_LENGTH = 128;

    private final @Nullable String origin;

    private final String method;

    private final String requestedMethod;

    private final List<String> requestedHeaders;

    private final boolean contentTypeRequested;

    private final boolean privateNetwork;

    private final @Nullable ArrivalOrigin arrival;

    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private CheckRequest(@Nullable String origin, String requestedMethod, List<String> requestedHeaders,
            boolean contentTypeRequested, boolean privateNetwork, @Nullable String contentType,
            @Nullable ArrivalOrigin arrival) {
        this.origin = origin;
        this.requestedMethod = requestedMethod;
        this.requestedHeaders = requestedHeaders;
        this.contentTypeRequested = contentTypeRequested;
        this.privateNetwork = privateNetwork;
        this.arrival = arrival;
        // Same-origin and non-CORS requests are sent as they are: browsers preflight cross-origin requests only.
        boolean crossOrigin = origin != null && !RequestOrigin.isSameOrigin(origin, this);
        boolean preflight = crossOrigin && (!SAFELISTED_METHODS.contains(requestedMethod)
                || !requestedHeaders.isEmpty() || privateNetwork);
        if (origin != null) {
            this.headers.put(CorsHeaders.ORIGIN, origin);
        }
        if (preflight) {
            this.method = "OPTIONS";
            this.headers.put(CorsHeaders.REQUEST_METHOD, requestedMethod);
            if (!requestedHeaders.isEmpty()) {
                this.headers.put(CorsHeaders.REQUEST_HEADERS, String.join(",", requestedHeaders));
            }
            if (privateNetwork) {
                this.headers.put(CorsHeaders.REQUEST_PRIVATE_NETWORK, "true");
            }
        }
        else {
            this.method = requestedMethod;
            if (contentType != null) {
                this.headers.put("Content-Type", contentType);
            }
        }
    }

    /**
     * The request for a check's parameters.
     * @throws InvalidEndpointRequestException when the origin, the method, a header name or the private network flag
     * cannot be sent
     */
    static CheckRequest of(CheckParameters parameters, @Nullable ArrivalOrigin arrival) {
        String origin = parameters.origin();
        if (origin != null && OriginParts.read(origin) == null && !"null".equals(origin)) {
            throw invalid("Invalid origin '" + origin + "'", "origin \"" + origin
                    + "\" is not an origin: write it as scheme://host[:port], such as https://app.example.com.");
        }
        String requestedMethod = normalize((parameters.method() != null) ? parameters.method() : "GET");
        TreeSet<String> names = new TreeSet<>();
        if (parameters.headers() != null) {
            for (String element : parameters.headers().split(",", -1)) {
                String name = element.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (!Tokens.isToken(name)) {
                    throw invalid("Invalid header name '" + name + "'", "header \"" + name
                            + "\" is not a header name: only letters, digits and !#$%&'*+-.^_`|~ are allowed "
                            + "(RFC 9110, section 5.6.2).");
                }
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        String contentType = parameters.contentType();
        boolean contentTypeRequested = contentType != null && !isSafelistedContentType(contentType);
        if (contentTypeRequested) {
            names.add("content-type");
        }
        // Browsers name the headers in lower case, sorted, without repeats (Fetch, "CORS-unsafe request-header
        // names").
        return new CheckRequest(origin, requestedMethod, new ArrayList<>(names), contentTypeRequested,
                privateNetwork(parameters.privateNetwork()), contentType, arrival);
    }

    private static boolean privateNetwork(@Nullable String value) {
        if (value == null || "false".equalsIgnoreCase(value)) {
            return false;
        }
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        throw invalid("Invalid privateNetwork '" + value + "'",
                "privateNetwork \"" + value + "\" is neither true nor false.");
    }

    private static String normalize(String method) {
        if (!Tokens.isToken(method)) {
            throw invalid("Method '" + method + "' is not a token", "method \"" + method
                    + "\" is not a method: only letters, digits and !#$%&'*+-.^_`|~ are allowed "
                    + "(RFC 9110, section 5.6.2).");
        }
        String upper = method.toUpperCase(Locale.ROOT);
        return NORMALIZED_METHODS.contains(upper) ? upper : method;
    }

    // Fetch, "CORS-safelisted request-header": no CORS-unsafe request-header byte, at most 128 bytes, and an essence
    // that is one of three MIME types.
    static boolean isSafelistedContentType(String value) {
        if (value.length() > MAX_SAFELISTED_VALUE_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || "\"():<>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        int semicolon = value.indexOf(';');
        String essence = ((semicolon >= 0) ? value.substring(0, semicolon) : value).strip();
        return SAFELISTED_CONTENT_TYPES.contains(essence.toLowerCase(Locale.ROOT));
    }

    private static InvalidEndpointRequestException invalid(String message, String reason) {
        return new InvalidEndpointRequestException(message, reason);
    }

    /** The {@code Origin}, or null. */
    @Nullable String origin() {
        return this.origin;
    }

    /** The method of the request the script makes: the preflight asks for it. */
    String requestedMethod() {
        return this.requestedMethod;
    }

    /** The header names the preflight asks for, lower-case and sorted. */
    List<String> requestedHeaders() {
        return this.requestedHeaders;
    }

    /** Whether the preflight asks for {@code Content-Type} because the content type is not safelisted. */
    boolean contentTypeRequested() {
        return this.contentTypeRequested;
    }

    /** Whether the browser asks for private network access. */
    boolean privateNetwork() {
        return this.privateNetwork;
    }

    @Override
    public String method() {
        return this.method;
    }

    @Override
    public @Nullable String header(String name) {
        return this.headers.get(name);
    }

    @Override
    public String scheme() {
        return (this.arrival != null) ? this.arrival.scheme() : "";
    }

    @Override
    public String host() {
        return (this.arrival != null) ? this.arrival.host() : "";
    }

    @Override
    public int port() {
        return (this.arrival != null) ? this.arrival.port() : 0;
    }
}
