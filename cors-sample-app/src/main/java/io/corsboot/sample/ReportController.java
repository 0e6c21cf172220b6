package io.corsboot.sample;

import java.util.Map;

import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports, configured Spring's way before the starter came: a {@code @CrossOrigin} on a path that the
 * {@code partner-api} policy now covers. The policy alone decides there, so the reports origin below no longer counts;
 * {@code GET /actuator/cors/migration} says so, and gives the YAML that would carry it over.
 */
@RestController
@CrossOrigin(origins = "https://reports.example.com")
class ReportController {

    @GetMapping("/api/reports/daily")
    Map<String, Object> daily() {
        return Map.of("orders", 2, "revenue", 27.5);
    }
}
