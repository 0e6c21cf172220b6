package io.corsboot.sample;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.corsboot.sample.TenantOrigins.Tenant;

/**
 * The tenants: an administration endpoint that adds one, and the API that tenants' own web applications call
 * cross-origin, under the tenant-api policy.
 */
@RestController
class TenantController {

    private final TenantOrigins tenants;

    TenantController(TenantOrigins tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/admin/tenants")
    List<Tenant> tenants() {
        return this.tenants.all();
    }

    @PostMapping("/admin/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    Tenant addTenant(@RequestBody Tenant tenant) {
        this.tenants.add(tenant.name(), tenant.origin());
        return tenant;
    }

    @GetMapping("/tenant-api/settings/{name}")
    Map<String, String> settings(@PathVariable String name) {
        return Map.of("tenant", name, "theme", "light");
    }

    @PutMapping("/tenant-api/settings/{name}")
    Map<String, String> updateSettings(@PathVariable String name, @RequestBody Map<String, String> settings) {
        return Map.of("tenant", name, "theme", settings.getOrDefault("theme", "light"));
    }
}
