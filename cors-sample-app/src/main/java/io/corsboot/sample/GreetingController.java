package io.corsboot.sample;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public, read-only API that any origin may read, without credentials. */
@RestController
class GreetingController {

    @GetMapping("/public/greeting")
    Map<String, String> greeting() {
        return Map.of("message", "Hello from the CORS sample");
    }
}
