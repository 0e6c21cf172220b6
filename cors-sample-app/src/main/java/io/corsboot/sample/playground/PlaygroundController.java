package io.corsboot.sample.playground;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What the playground page reads from its own origin: its settings, and what the server received for a probe. */
@RestController
@RequestMapping("/playground")
class PlaygroundController {

    private final Playground playground;

    private final RequestLog log;

    PlaygroundController(Playground playground, RequestLog log) {
        this.playground = playground;
        this.log = log;
    }

    @GetMapping("/settings")
    Playground.Settings settings() {
        return this.playground.settings();
    }

    @GetMapping("/requests/{probe}")
    List<RequestLog.Entry> requests(@PathVariable String probe) {
        return this.log.find(probe);
    }
}
