/**
 * A fleet of applications with the starter, configured by a Spring Cloud Config Server from a Git repository and
 * refreshed together over Spring Cloud Bus on Kafka.
 */
@NullMarked
package io.corsboot.fleet;

import org.jspecify.annotations.NullMarked;
