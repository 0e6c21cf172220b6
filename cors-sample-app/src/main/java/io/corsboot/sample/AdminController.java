package io.corsboot.sample;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin API: inside the partner API's paths, under a stricter policy of its own. */
@RestController
class AdminController {

    @GetMapping("/api/admin/stats")
    Map<String, Integer> stats() {
        return Map.of("openOrders", 2, "partners", 3);
    }
}
