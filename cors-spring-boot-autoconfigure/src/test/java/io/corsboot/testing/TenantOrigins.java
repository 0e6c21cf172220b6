package io.corsboot.testing;

import java.util.Collection;
import java.util.List;

import io.corsboot.core.OriginSupplier;

/** Origins of one policy held in memory, as a table of tenants would hold them, changed or made to fail by a test. */
public final class TenantOrigins implements OriginSupplier {

    private final String policy;

    private volatile List<String> origins;

    private volatile boolean failing;

    private volatile ChangeSignal signal;

    public TenantOrigins(String policy, List<String> origins) {
        this.policy = policy;
        this.origins = origins;
    }

    @Override
    public String policy() {
        return this.policy;
    }

    @Override
    public Collection<String> origins() {
        if (this.failing) {
            throw new IllegalStateException("database unavailable");
        }
        return this.origins;
    }

    @Override
    public void onChange(ChangeSignal signal) {
        this.signal = signal;
    }

    /** Replaces the origins and signals the change. */
    public void change(List<String> origins) {
        this.origins = origins;
        signalChange();
    }

    /** Signals a change without one, as a supplier asked to read its origins again would. */
    public void signalChange() {
        this.signal.originsChanged();
    }

    /** Whether reading the origins fails, as a database that is down would. */
    public void failing(boolean failing) {
        this.failing = failing;
    }
}
