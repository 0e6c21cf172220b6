/**
 * What both web stacks share: choosing a policy by path, the current snapshot of policies, and merging {@code Vary}.
 */
@NullMarked
package io.corsboot.web;

import org.jspecify.annotations.NullMarked;
