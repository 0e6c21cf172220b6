package io.corsboot.sample.playground;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the playground.
 *
 * @param port port the playground page is served on, besides the API's server.port; 0 picks a free port
 */
@ConfigurationProperties("sample.playground")
record PlaygroundProperties(@DefaultValue("8081") int port) {
}
