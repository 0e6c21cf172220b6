/** A fresh application, written as the README's quick start says, built against the installed starter. */
@NullMarked
package io.corsboot.consumer;

import org.jspecify.annotations.NullMarked;
