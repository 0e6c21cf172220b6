/**
 * The contract's request-handling rules as shared test cases, and test doubles for the core.
 */
@NullMarked
package io.corsboot.testing;

import org.jspecify.annotations.NullMarked;
