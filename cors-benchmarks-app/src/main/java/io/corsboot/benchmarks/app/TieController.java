package io.corsboot.benchmarks.app;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every path of two segments under {@code /tie}, where the policies with captures ({@code /tie/{x}/a},
 * {@code /tie/a/{y}}) cover some and no policy the others, such as {@code /tie/b/c}.
 */
@RestController
@Profile("policies")
class TieController {

    @GetMapping("/tie/{first}/{second}")
    String tie() {
        return "Hello";
    }
}
