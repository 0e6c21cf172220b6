package io.corsboot.sample.playground;

import io.corsboot.sample.SampleStack;

/** The playground in headless Chromium on WebFlux, served by two Reactor Netty servers. */
class WebFluxPlaygroundBrowserTests extends PlaygroundBrowserTests {

    WebFluxPlaygroundBrowserTests() {
        super(SampleStack.WEBFLUX, "Spring WebFlux on Reactor Netty");
    }
}
