/**
 * Micrometer metrics of CORS decisions.
 */
@NullMarked
package io.corsboot.metrics;

import org.jspecify.annotations.NullMarked;
