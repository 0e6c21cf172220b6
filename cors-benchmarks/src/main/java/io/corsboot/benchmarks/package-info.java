/**
 * JMH benchmarks of the starter's CORS filters beside Spring Framework's own, with identical policies and requests.
 */
@NullMarked
package io.corsboot.benchmarks;

import org.jspecify.annotations.NullMarked;
