/**
 * The {@link org.springframework.web.server.WebFilter} that applies CORS policies in WebFlux applications.
 */
@NullMarked
package io.corsboot.reactive;

import org.jspecify.annotations.NullMarked;
