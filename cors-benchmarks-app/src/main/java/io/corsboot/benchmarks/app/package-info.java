/**
 * The smallest application with the starter: one controller, whose per-request cost {@code scripts/cost.sh}
 * measures with the starter, with Spring's own CORS filter and with no CORS.
 */
@NullMarked
package io.corsboot.benchmarks.app;

import org.jspecify.annotations.NullMarked;
