/**
 * The migration report: every CORS configuration Spring itself would apply in the application, which policy shadows
 * it on which paths, and the {@code cors.*} YAML that carries it over. Sources of Spring CORS configurations
 * contribute {@link io.corsboot.migration.SpringCorsEntry entries} through
 * {@link io.corsboot.migration.SpringCorsSource}.
 */
@NullMarked
package io.corsboot.migration;

import org.jspecify.annotations.NullMarked;
