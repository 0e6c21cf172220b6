package io.corsboot.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

import io.corsboot.web.PendingSupplier;
import io.corsboot.web.PolicySnapshot;
import io.corsboot.web.PolicySnapshotHolder;

/**
 * Adds {@code cors} to {@code GET /actuator/info}: the {@code fingerprint} of the policies in force, how many
 * {@code policies} there are, whether the last configuration change was {@code refused}, and the
 * {@code pendingSuppliers}: the names of the origin suppliers whose origins are pending.
 *
 * @since 0.1.0
 */
public final class CorsInfoContributor implements InfoContributor {

    private final PolicySnapshotHolder snapshots;

    /**
     * Creates the contributor.
     * @param snapshots the snapshot holder the filters read
     */
    public CorsInfoContributor(PolicySnapshotHolder snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public void contribute(Info.Builder builder) {
        PolicySnapshot snapshot = this.snapshots.get();
        Map<String, Object> cors = new LinkedHashMap<>();
        cors.put("fingerprint", snapshot.fingerprint());
        cors.put("policies", snapshot.policies().size());
        cors.put("refused", snapshot.refused() != null);
        cors.put("pendingSuppliers", snapshot.pendingSuppliers().stream().map(PendingSupplier::supplier).toList());
        builder.withDetail("cors", cors);
    }
}
