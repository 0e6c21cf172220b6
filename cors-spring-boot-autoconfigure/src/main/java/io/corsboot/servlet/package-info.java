/**
 * The servlet {@link jakarta.servlet.Filter} that applies CORS policies in Spring MVC applications.
 */
@NullMarked
package io.corsboot.servlet;

import org.jspecify.annotations.NullMarked;
