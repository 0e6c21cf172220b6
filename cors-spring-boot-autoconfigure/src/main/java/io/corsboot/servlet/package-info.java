/**
 * The servlet {@link jakarta.servlet.Filter} that applies CORS policies in Spring MVC applications, and what makes
 * Spring MVC's and Spring Security's own CORS processing leave the paths a policy covers to the policy.
 */
@NullMarked
package io.corsboot.servlet;

import org.jspecify.annotations.NullMarked;
