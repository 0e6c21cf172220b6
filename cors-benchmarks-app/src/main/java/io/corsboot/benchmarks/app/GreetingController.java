package io.corsboot.benchmarks.app;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The same small answer on a path a policy covers and on one that no policy covers. */
@RestController
class GreetingController {

    private static final String GREETING = "Hello";

    @GetMapping("/api/greeting")
    String covered() {
        return GREETING;
    }

    @GetMapping("/open/greeting")
    String uncovered() {
        return GREETING;
    }
}
