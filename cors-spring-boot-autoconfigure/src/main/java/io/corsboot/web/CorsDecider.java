package io.corsboot.web;

import java.util.List;
import java.util.Locale;

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
 * Decides each request with the snapshot in force, evaluates the policy's candidate, tells the listeners and logs
 * rejections: the one entry point of both web filters.
 *
 * @since 0.1.0
 */
public final class CorsDecider {

    private static final Log logger = LogFactory.getLog(CorsDecider.class);

    private final PolicySnapshotHolder snapshots;

    private final DecisionListener[] listeners;

    public CorsDecider(PolicySnapshotHolder snapshots, List<DecisionListener> listeners) {
        this.snapshots = snapshots;
        this.listeners = listeners.toArray(new DecisionListener[0]);
    }

    /**
     * The policy of the snapshot in force that covers a path, or null: a request it returns null for is passed on
     * without being read.
     * @param path the request's path within the application (context path or base path excluded)
     */
    public @Nullable CompiledPolicy policyFor(PathContainer path) {
        return this.snapshots.get().policyFor(path);
    }

    /**
     * The policy of the snapshot in force that covers a path as it was sent, or null, parsing it only if a pattern
     * needs it: see {@link PolicySnapshot#policyFor(String)}.
     * @param rawPath the request's path within the application, not decoded
     */
    public @Nullable CompiledPolicy policyFor(String rawPath) {
        return this.snapshots.get().policyFor(rawPath);
    }

    /**
     * Decides a request with the policy that covers its path, which {@link #policyFor} gave: the request is decided
     * entirely by the snapshot that policy belongs to, even when a new one is put in force meanwhile.
     * @param policy the policy that covers the request's path
     * @param request the request
     * @return the decision
     */
    public Decision process(CompiledPolicy policy, CorsRequest request) {
        Decision decision = policy.decide(request);
        Decision candidate = policy.decideCandidate(request);
        if (decision.isCrossOriginVerdict() && !decision.allowed() && logger.isDebugEnabled()) {
            logger.debug(describeRejection(decision, request));
        }
        for (DecisionListener listener : this.listeners) {
            listener.onDecision(decision, candidate, request);
        }
        return decision;
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
