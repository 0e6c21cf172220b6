/**
 * Auto-configuration of CORS policies from {@code cors.*} properties, whose schema {@link
 * io.corsboot.autoconfigure.CorsProperties} declares once.
 */
@NullMarked
package io.corsboot.autoconfigure;

import org.jspecify.annotations.NullMarked;
