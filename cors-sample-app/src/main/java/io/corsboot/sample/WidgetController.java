package io.corsboot.sample;

import java.util.List;

import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Widgets, configured Spring's way: a {@code @CrossOrigin} on a path no policy covers, where Spring's own CORS
 * processing still answers, untouched by the starter. {@code GET /actuator/cors/migration} gives the YAML of the policy
 * that would replace it.
 */
@RestController
class WidgetController {

    @CrossOrigin(origins = "https://widgets.example.com")
    @GetMapping("/widgets")
    List<String> widgets() {
        return List.of("clock", "weather");
    }
}
