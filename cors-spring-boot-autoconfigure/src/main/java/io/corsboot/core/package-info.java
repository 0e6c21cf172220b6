/**
 * Framework-neutral CORS core: policies compiled once, and a pure decision per request.
 */
@NullMarked
package io.corsboot.core;

import org.jspecify.annotations.NullMarked;
