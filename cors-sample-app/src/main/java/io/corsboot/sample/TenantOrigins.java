package io.corsboot.sample;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.corsboot.core.OriginSupplier;

/** The origins of the tenants table, allowed by the tenant-api policy beside its configured ones. */
@Component
class TenantOrigins implements OriginSupplier {

    private final JdbcTemplate jdbc;

    private volatile ChangeSignal signal = () -> {
    };

    TenantOrigins(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String policy() {
        return "tenant-api";
    }

    @Override
    public Collection<String> origins() {
        return this.jdbc.queryForList("SELECT origin FROM tenant", String.class);
    }

    @Override
    public void onChange(ChangeSignal signal) {
        this.signal = signal;
    }

    /** Adds a tenant and puts its origin in force before returning. */
    void add(String name, String origin) {
        this.jdbc.update("MERGE INTO tenant (name, origin) KEY (name) VALUES (?, ?)", name, origin);
        this.signal.originsChanged();
    }

    List<Tenant> all() {
        return this.jdbc.query("SELECT name, origin FROM tenant ORDER BY name",
                (row, index) -> new Tenant(row.getString("name"), row.getString("origin")));
    }

    /** One row of the tenants table. */
    record Tenant(String name, String origin) {
    }
}
