/**
 * The CORS playground: a page served on a second port of the sample, so that its calls to the API are cross-origin,
 * and the request log that shows it what the server received.
 */
@NullMarked
package io.corsboot.sample.playground;

import org.jspecify.annotations.NullMarked;
