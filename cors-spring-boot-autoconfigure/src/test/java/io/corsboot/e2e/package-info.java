/**
 * End-to-end tests: real servers of both web stacks, with and without Spring Security, sent real requests.
 */
@NullMarked
package io.corsboot.e2e;

import org.jspecify.annotations.NullMarked;
