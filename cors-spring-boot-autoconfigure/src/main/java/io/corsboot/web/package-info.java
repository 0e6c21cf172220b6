/**
 * What both web stacks share: choosing a policy by path, the current snapshot of policies, merging {@code Vary}, and
 * the attribute that marks a request a policy covers.
 */
@NullMarked
package io.corsboot.web;

import org.jspecify.annotations.NullMarked;
