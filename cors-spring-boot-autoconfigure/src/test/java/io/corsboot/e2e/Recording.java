package io.corsboot.e2e;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the test applications of both stacks record about each test request: handler calls and decisions. */
@Configuration(proxyBeanMethods = false)
class Recording {

    @Bean
    HandlerCalls handlerCalls() {
        return new HandlerCalls();
    }

    @Bean
    Decisions decisions() {
        return new Decisions();
    }
}
