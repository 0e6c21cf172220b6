/**
 * The {@code cors} Actuator endpoint: the policies in force, and how a request would be handled.
 */
@NullMarked
package io.corsboot.actuate;

import org.jspecify.annotations.NullMarked;
