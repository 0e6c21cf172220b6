/**
 * The {@link org.springframework.web.server.WebFilter} that applies CORS policies in WebFlux applications, and what
 * makes WebFlux's and Spring Security's own CORS processing leave the paths a policy covers to the policy.
 */
@NullMarked
package io.corsboot.reactive;

import org.jspecify.annotations.NullMarked;
