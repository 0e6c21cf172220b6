/**
 * Auto-configuration of CORS policies from {@code cors.*} properties.
 */
@NullMarked
package io.corsboot.autoconfigure;

import org.jspecify.annotations.NullMarked;
