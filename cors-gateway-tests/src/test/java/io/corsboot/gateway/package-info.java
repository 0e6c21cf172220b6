/**
 * The starter in Spring Cloud Gateway applications, on both gateway servers, in front of a real routed service.
 */
@NullMarked
package io.corsboot.gateway;

import org.jspecify.annotations.NullMarked;
