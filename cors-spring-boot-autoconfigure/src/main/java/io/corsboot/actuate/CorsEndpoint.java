package io.corsboot.actuate;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.http.server.PathContainer;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.ConfigProblem;
import io.corsboot.core.CorsPolicySpec;
import io.corsboot.core.Decision;
import io.corsboot.core.HeaderWriter;
import io.corsboot.core.HostPattern;
import io.corsboot.core.PolicySetting;
import io.corsboot.core.Reason;
import io.corsboot.core.RecordedHeaders;
import io.corsboot.migration.MigrationReport;
import io.corsboot.migration.MigrationReport.ConfigurationReport;
import io.corsboot.migration.MigrationReporter;
import io.corsboot.web.CorsDecider;
import io.corsboot.web.DecidedRequest;
import io.corsboot.web.PendingSupplier;
import io.corsboot.web.PolicySnapshot;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * {@link Endpoint @Endpoint} that lists the CORS policies in force and explains how a request would be handled,
 * deciding it with the same compiled policies as the filters.
 *
 * @since 0.1.0
 */
@Endpoint(id = "cors")
public class CorsEndpoint {

    static final String CHECK = "check";

    static final String MIGRATION = "migration";

    private final PolicySnapshotHolder snapshots;

    private final CorsDecider decider;

    private final boolean enabled;

    private final @Nullable MigrationReporter migration;

    /**
     * Creates the endpoint.
     * @param snapshots the snapshot holder the filters read
     * @param enabled whether {@code cors.enabled} is true, so that filters are installed
     */
    public CorsEndpoint(PolicySnapshotHolder snapshots, boolean enabled) {
        this(snapshots, enabled, null);
    }

    /**
     * Creates the endpoint.
     * @param snapshots the snapshot holder the filters read
     * @param enabled whether {@code cors.enabled} is true, so that filters are installed
     * @param migration the reporter of the application's Spring CORS configurations, or null for none
     */
    public CorsEndpoint(PolicySnapshotHolder snapshots, boolean enabled, @Nullable MigrationReporter migration) {
        this.snapshots = snapshots;
        this.decider = CorsDecider.silent(snapshots);
        this.enabled = enabled;
        this.migration = migration;
    }

    /**
     * The migration report that the web extensions serve at {@code /actuator/cors/migration}: every CORS
     * configuration Spring applies in the application, which policy shadows it where, and the {@code cors.*} YAML
     * that carries it over.
     * @return the report, or null when the application has no reporter
     */
    public @Nullable MigrationDescriptor migration() {
        if (this.migration == null) {
            return null;
        }
        MigrationReport report = this.migration.report();
        return new MigrationDescriptor(report.shadowed(), report.configurations(), report.yaml());
    }

    /** The effective policies, most specific first, with the configuration's warnings. */
    @ReadOperation
    public CorsDescriptor policies() {
        PolicySnapshot snapshot = this.snapshots.get();
        List<ConfigProblem> refused = snapshot.refused();
        List<PendingSupplier> pending = snapshot.pendingSuppliers();
        return new CorsDescriptor(this.enabled, snapshot.fingerprint(),
                snapshot.policies().stream().map((policy) -> describe(policy, pending)).toList(),
                snapshot.warnings().stream().map(ConfigProblem::describe).toList(),
                (refused != null) ? refused.stream().map(ConfigProblem::describe).toList() : null);
    }

    /**
     * Served at {@code /actuator/cors/check}; any other selector value answers 404. Evaluates a request without
     * sending it. The web extensions replace this operation, to learn the origin the check request arrived on and to
     * answer bad parameters with their message.
     * @param operation {@code check}
     * @param path the request's path within the application
     * @param origin the {@code Origin}, or null for a request that is not cross-origin
     * @param method the method, {@code GET} when null
     * @param headers comma-separated names of the request headers a script sets
     * @param contentType the request's {@code Content-Type}
     * @param privateNetwork {@code true} when the browser asks for private network access
     * @param host the host the request is sent to, without its port; the one the check request arrived on when null
     * @return how the request would be handled, or null for another selector value
     * @throws InvalidEndpointRequestException when a parameter is missing, or is not a valid path, origin, method or
     * header name
     */
    // Optional parameters carry Spring's @Nullable, the mark Spring Boot 3.5's Actuator reads, beside JSpecify's,
    // which Spring Boot 4 reads
    @SuppressWarnings("deprecation")
    @ReadOperation
    public @Nullable CheckDescriptor check(@Selector String operation,
            @org.springframework.lang.Nullable @Nullable String path,
            @org.springframework.lang.Nullable @Nullable String origin,
            @org.springframework.lang.Nullable @Nullable String method,
            @org.springframework.lang.Nullable @Nullable String headers,
            @org.springframework.lang.Nullable @Nullable String contentType,
            @org.springframework.lang.Nullable @Nullable String privateNetwork,
            @org.springframework.lang.Nullable @Nullable String host) {
        return evaluate(operation, new CheckParameters(path, origin, method, headers, contentType, privateNetwork,
                host),
                null);
    }

    /**
     * Evaluates a request without sending it, deciding it with the policies the filters use.
     * @param operation {@code check}
     * @param parameters the request
     * @param arrival the origin the check request arrived on, or null when unknown (then no origin is same-origin)
     * @return how the request would be handled, or null for another selector value
     * @throws InvalidEndpointRequestException when a parameter is missing, or is not a valid path, origin, method or
     * header name
     */
    public @Nullable CheckDescriptor evaluate(String operation, CheckParameters parameters,
            @Nullable ArrivalOrigin arrival) {
        if (!CHECK.equals(operation)) {
            return null;
        }
        String path = parameters.path();
        if (path == null) {
            throw new InvalidEndpointRequestException("Missing path",
                    "path is required: give the path within the application, such as /api/orders.");
        }
        if (!path.startsWith("/")) {
            throw new InvalidEndpointRequestException("Invalid path '" + path + "'", "path \"" + path
                    + "\" does not start with '/': give the path within the application, such as /api/orders.");
        }
        CheckRequest request = CheckRequest.of(parameters, arrivedAt(parameters.host(), arrival));
        PolicySnapshot snapshot = this.snapshots.get();
        DecidedRequest decided = this.decider.decide(path, PathContainer.parsePath(path), request, DecidedRequest::of);
        // The filters pass a request that no policy covers on without reading it; the check tells what it is.
        Decision decision = (decided != null) ? decided.decision() : Decision.withoutPolicy(request);
        Decision candidate = (decided != null) ? decided.candidate() : null;
        CompiledPolicy policy = decision.policy();
        RecordedHeaders responseHeaders = new RecordedHeaders();
        HeaderWriter.write(decision, request, responseHeaders);
        Explainer explainer = new Explainer(snapshot, this.enabled, path, request, decision);
        return new CheckDescriptor((policy != null) ? policy.name() : null,
                decision.kind() == Decision.Kind.PREFLIGHT, decision.allowed(), decision.reason(),
                explainer.explanation(), explainer.hint(), responseHeaders.asMap(),
                (candidate != null) ? new CandidateDescriptor(candidate.allowed(), candidate.reason()) : null);
    }

    // A request sent to another host arrives there, on the check request's own scheme and port.
    private static @Nullable ArrivalOrigin arrivedAt(@Nullable String host, @Nullable ArrivalOrigin arrival) {
        if (host == null) {
            return arrival;
        }
        HostPattern parsed = HostPattern.parse(host);
        if (parsed == null || parsed.subdomains()) {
            throw new InvalidEndpointRequestException("Invalid host '" + host + "'", "host \"" + host
                    + "\" is not a host name: give the host the request is sent to, without scheme or port, such as "
                    + "api.example.com.");
        }
        return (arrival != null) ? new ArrivalOrigin(arrival.scheme(), parsed.name(), arrival.port())
                : new ArrivalOrigin("", parsed.name(), 0);
    }

    private static PolicyDescriptor describe(CompiledPolicy policy, List<PendingSupplier> pending) {
        CompiledPolicy candidate = policy.candidate();
        List<String> paths = policy.spec().paths().value();
        List<String> hosts = policy.spec().hosts().value();
        // Supplied origins apply to the candidate too, so it lacks the same ones.
        List<PendingSupplierDescriptor> pendingSuppliers = pending.stream()
            .filter((supplier) -> policy.name().equals(supplier.policy()))
            .map(PendingSupplierDescriptor::of)
            .toList();
        return describe(policy, paths, hosts, pendingSuppliers,
                (candidate != null) ? describe(candidate, paths, hosts, pendingSuppliers, null) : null);
    }

    private static PolicyDescriptor describe(CompiledPolicy policy, List<String> paths, List<String> hosts,
            List<PendingSupplierDescriptor> pendingSuppliers, @Nullable PolicyDescriptor candidate) {
        CorsPolicySpec spec = policy.spec();
        return new PolicyDescriptor(spec.name(), paths, hosts, shown(spec, PolicySetting.ALLOWED_ORIGINS),
                shown(spec, PolicySetting.ALLOWED_ORIGIN_PATTERNS), shown(spec, PolicySetting.ALLOWED_METHODS),
                shown(spec, PolicySetting.ALLOWED_HEADERS), shown(spec, PolicySetting.EXPOSED_HEADERS),
                shown(spec, PolicySetting.ALLOW_CREDENTIALS), shown(spec, PolicySetting.ALLOW_PRIVATE_NETWORK),
                shown(spec, PolicySetting.MAX_AGE), policy.suppliedOrigins(), policy.cacheable(), candidate,
                pendingSuppliers);
    }

    /** A setting as the listing shows it: as configured, but max-age in seconds, the unit of the header. */
    @SuppressWarnings("unchecked")
    private static <T> T shown(CorsPolicySpec spec, PolicySetting setting) {
        return (T) switch (setting) {
            case ALLOWED_ORIGINS, ALLOWED_ORIGIN_PATTERNS, ALLOWED_METHODS, ALLOWED_HEADERS, EXPOSED_HEADERS,
                    ALLOW_CREDENTIALS, ALLOW_PRIVATE_NETWORK ->
                spec.setting(setting).value();
            case MAX_AGE -> spec.maxAge().value().toSeconds();
        };
    }

    /**
     * The policies in force.
     *
     * @param enabled whether {@code cors.enabled} is true
     * @param fingerprint a stable hash of the effective policies, equal on every instance with the same configuration
     * @param policies the effective policies, most specific first
     * @param warnings the configuration's warnings, worded as in the startup log
     * @param refused the errors of the last configuration change that was refused, or null
     */
    @JsonInclude(Include.ALWAYS)
    public record CorsDescriptor(boolean enabled, String fingerprint, List<PolicyDescriptor> policies,
            List<String> warnings, @Nullable List<String> refused) implements OperationResponseBody {
    }

    /**
     * One effective policy: defaults applied, origins normalised, methods in upper case.
     *
     * @param name the name
     * @param paths the path patterns it covers
     * @param hosts the host names and {@code *.} patterns it is limited to, in their ASCII form; empty for every host
     * @param allowedOrigins exact origins, {@code "null"} or {@code "*"}
     * @param allowedOriginPatterns origin patterns
     * @param allowedMethods methods, or {@code "*"}
     * @param allowedHeaders request headers a preflight may ask for, or {@code "*"}
     * @param exposedHeaders response headers scripts may read
     * @param allowCredentials whether credentials are allowed
     * @param allowPrivateNetwork whether private network preflights are granted
     * @param maxAgeSeconds how long browsers may cache a preflight
     * @param suppliedOrigins how many distinct origins and patterns application beans supply beside the configured
     * ones
     * @param cacheable whether the policy is public: every {@code GET} and {@code HEAD} gets the same answer,
     * {@code Access-Control-Allow-Origin: *} without {@code Vary: Origin}, which a shared cache may keep once
     * @param candidate the effective candidate, or null
     * @param pendingSuppliers the origin suppliers of the policy whose origins are pending, by name; empty when every
     * supplier's last reading answered
     */
    @JsonInclude(Include.ALWAYS)
    public record PolicyDescriptor(String name, List<String> paths, List<String> hosts, List<String> allowedOrigins,
            List<String> allowedOriginPatterns, List<String> allowedMethods, List<String> allowedHeaders,
            List<String> exposedHeaders, boolean allowCredentials, boolean allowPrivateNetwork, long maxAgeSeconds,
            int suppliedOrigins, boolean cacheable, @Nullable PolicyDescriptor candidate,
            List<PendingSupplierDescriptor> pendingSuppliers) {
    }

    /**
     * An origin supplier whose origins are pending. The origins of its last successful reading, if any, stay in
     * force meanwhile.
     *
     * @param supplier the supplier's name, such as its bean name
     * @param state {@code READING} while the first reading has not answered, {@code FAILED} while the last reading
     * failed and the supplier is read again, less and less often
     * @param error what the last failed reading threw, or null while the first reading is under way
     * @param failedReadings how many readings failed since the supplier last answered
     * @param since when the supplier stopped answering, as an ISO-8601 instant
     */
    @JsonInclude(Include.ALWAYS)
    public record PendingSupplierDescriptor(String supplier, PendingSupplier.State state, @Nullable String error,
            int failedReadings, String since) {

        static PendingSupplierDescriptor of(PendingSupplier pending) {
            return new PendingSupplierDescriptor(pending.supplier(), pending.state(), pending.error(),
                    pending.failedReadings(), pending.since().toString());
        }
    }

    /**
     * How a request would be handled.
     *
     * @param policy the policy that decides, or null when none covers the path
     * @param preflight whether the browser sends a preflight first, and this is its answer
     * @param allowed whether the request is allowed as a cross-origin request
     * @param reason why
     * @param explanation why, as a sentence
     * @param hint a near miss that would change the answer, or null
     * @param responseHeaders the headers the filter writes, {@code Vary} as its tokens joined with {@code ", "}
     * @param candidate the answer of the policy's candidate, or null when it has none
     */
    @JsonInclude(Include.ALWAYS)
    public record CheckDescriptor(@Nullable String policy, boolean preflight, boolean allowed, Reason reason,
            String explanation, @Nullable String hint, Map<String, String> responseHeaders,
            @Nullable CandidateDescriptor candidate) implements OperationResponseBody {
    }

    /**
     * The migration report.
     *
     * @param shadowed how many Spring CORS configurations a policy shadows on some of their paths
     * @param configurations each Spring CORS configuration, how it carries over, and what does not
     * @param yaml one {@code cors:} block with a policy for each configuration that carries over, or empty
     */
    @JsonInclude(Include.ALWAYS)
    public record MigrationDescriptor(int shadowed, List<ConfigurationReport> configurations, String yaml)
            implements OperationResponseBody {
    }

    /**
     * The request that {@code check} evaluates, as its query parameters give it.
     *
     * @param path the request's path within the application
     * @param origin the {@code Origin}, or null for a request that is not cross-origin
     * @param method the method, {@code GET} when null
     * @param headers comma-separated names of the request headers a script sets, or null
     * @param contentType the request's {@code Content-Type}, or null
     * @param privateNetwork {@code true} when the browser asks for private network access
     * @param host the host the request is sent to, without its port; the one the check request arrived on when null
     */
    public record CheckParameters(@Nullable String path, @Nullable String origin, @Nullable String method,
            @Nullable String headers, @Nullable String contentType, @Nullable String privateNetwork,
            @Nullable String host) {
    }

    /**
     * Why {@code check} could not evaluate a request, in the shape of Spring Boot's error responses.
     *
     * @param status the HTTP status
     * @param error the status's reason phrase
     * @param message what is wrong with the parameters, and how to correct them
     */
    public record CheckError(int status, String error, String message) implements OperationResponseBody {
    }

    /**
     * The answer of a policy's candidate, which is evaluated and never enforced.
     *
     * @param allowed whether the candidate would allow the request
     * @param reason why
     */
    public record CandidateDescriptor(boolean allowed, Reason reason) {
    }
}
