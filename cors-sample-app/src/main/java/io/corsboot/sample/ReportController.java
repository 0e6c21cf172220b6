package io.corsboot.sample;

import java.util.Map;

import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports, configured Spring's way before the starter came: a {@code @CrossOrigin} on a path that the
 * {@code partner-api} policy now covers. The policy alone decides there, so the reports origin below no longer counts:
 * the application says so once at startup, and {@code GET /actuator/cors/migration} names the policy that decides.
 */
@RestController
@CrossOrigin(origins = "https://reports.example.com")
class ReportController {

    @GetMapping("/api/reports/daily")
    Map<String, Object> daily() {
        return Map.of("orders", 2, "revenue", 27.5);
    }
}
