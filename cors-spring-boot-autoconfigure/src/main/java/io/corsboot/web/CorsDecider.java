package io.corsboot.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;

import io.corsboot.core.CompiledPolicy;
import io.corsboot.core.CorsHeaders;
import io.corsboot.core.CorsRequest;
import io.corsboot.core.Decision;
import io.corsboot.core.DecisionListener;

/**
 * Decides requests with the snapshot in force: finds the policy that covers a request's path, has the policy and its
 * candidate decide, tells the listeners and logs rejections. The one way to a decision, for both web filters and the
 * endpoint.
 *
 * @since 0.1.0
 */
public final class CorsDecider {

    private static final Log logger = LogFactory.getLog(CorsDecider.class);

    private final PolicySnapshotHolder snapshots;

    private final DecisionListener[] listeners;

    private final boolean logsRejections;

    public CorsDecider(PolicySnapshotHolder snapshots, List<DecisionListener> listeners) {
        this(snapshots, listeners.toArray(new DecisionListener[0]), true);
    }

    private CorsDecider(PolicySnapshotHolder snapshots, DecisionListener[] listeners, boolean logsRejections) {
        this.snapshots = snapshots;
        this.listeners = listeners;
        this.logsRejections = logsRejections;
    }

    /**
     * A decider that tells no listener and logs nothing, for requests that are described rather than sent.
     * @param snapshots the snapshot holder the filters read
     * @return the decider
     */
    public static CorsDecider silent(PolicySnapshotHolder snapshots) {
        return new CorsDecider(snapshots, new DecisionListener[0], false);
    }

    /**
     * Decides a request with the snapshot in force, entirely with that snapshot even when a new one is put in force
     * meanwhile. A request that no policy covers is neither adapted nor read, unless some policy is limited to hosts:
     * then its host is read first.
     * @param <T> the web stack's request type
     * @param <R> the request as the core reads it
     * @param path the request's path within the application (context path or base path excluded), not decoded
     * @param parsedPath the same path parsed, when the web stack has parsed it already, else null: it is then parsed
     * only if a pattern needs it
     * @param request the web stack's request
     * @param adapter makes the request the core reads, only for a path that a policy covers
     * @return the request as the core read it, with its decisions, or null when no policy covers the path
     */
    public <T, R extends DecidedRequest> @Nullable R decide(String path, @Nullable PathContainer parsedPath, T request,
            Function<T, R> adapter) {
        PolicyRoutes routes = this.snapshots.get().routes();
        R decided = null;
        CompiledPolicy policy;
        if (routes.hasHosts()) {
            // The host is read as the same-origin check reads it, through the adapter, and only where some policy
            // is limited to hosts.
            decided = adapter.apply(request);
            policy = routes.policyFor(path, parsedPath, decided.host());
        }
        else {
            policy = routes.policyFor(path, parsedPath);
        }
        if (policy == null) {
            return null;
        }
        if (decided == null) {
            decided = adapter.apply(request);
        }
        Decision decision = policy.decide(decided);
        Decision candidate = policy.decideCandidate(decided);
        decided.decided(decision, candidate);
        if (this.logsRejections && decision.isCrossOriginVerdict() && !decision.allowed() && logger.isDebugEnabled()) {
            logger.debug(describeRejection(decision, decided));
        }
        for (DecisionListener listener : this.listeners) {
            listener.onDecision(decision, candidate, decided);
        }
        return decided;
    }

    private static String describeRejection(Decision decision, CorsRequest request) {
        CompiledPolicy policy = decision.policy();
        return "Rejected CORS " + decision.kind().name().toLowerCase(Locale.ROOT) + " request: policy '"
                + ((policy != null) ? policy.name() : null) + "', origin "
                + quoted(request.header(CorsHeaders.ORIGIN)) + ", method "
                + quoted(decision.kind().requestedMethod(request)) + ", reason " + decision.reason();
    }

    // Request values go to the log quoted and without control characters, so a crafted header cannot forge lines.
    static String quoted(@Nullable String value) {
        if (value == null) {
            return "(none)";
        }
        String shown = (value.length() > 200) ? value.substring(0, 200) + "..." : value;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
