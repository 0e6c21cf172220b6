/**
 * A minimal application with the starter, Actuator and one controller, whose startup
 * {@code scripts/startup-lines.sh} measures on both Spring Boot lines and both stacks.
 */
@NullMarked
package io.corsboot.startup;

import org.jspecify.annotations.NullMarked;
