/**
 * Test doubles for the core, shared with the auto-configuration modules' tests.
 */
@NullMarked
package io.corsboot.testing;

import org.jspecify.annotations.NullMarked;
