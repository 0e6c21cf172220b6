package io.corsboot.startup;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One endpoint, on a path the {@code api} policy covers; the same class serves Spring MVC and WebFlux. */
@RestController
class GreetingController {

    @GetMapping("/api/greeting")
    String greeting() {
        return "Hello";
    }
}
