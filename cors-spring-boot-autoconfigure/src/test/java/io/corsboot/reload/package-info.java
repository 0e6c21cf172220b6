/**
 * Tests of changing the policies while the application runs: refresh, supplied origins, snapshot swaps.
 */
@NullMarked
package io.corsboot.reload;

import org.jspecify.annotations.NullMarked;
