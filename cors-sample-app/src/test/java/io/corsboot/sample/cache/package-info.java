/**
 * The sample behind a real shared cache: what a CDN or caching reverse proxy keeps of CORS answers.
 */
@NullMarked
package io.corsboot.sample.cache;

import org.jspecify.annotations.NullMarked;
