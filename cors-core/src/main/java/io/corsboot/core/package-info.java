/**
 * Framework-neutral CORS core: policies compiled once, and a pure decision per request.
 * <p>
 * The core names each setting of a policy by its key ({@link io.corsboot.core.PolicySetting}), but knows no property
 * path: each {@link io.corsboot.core.Setting} arrives with the path it came from, and the caller of
 * {@link io.corsboot.core.PolicyCompiler} names the path of a policy, so every problem is reported at the path the
 * auto-configuration gave.
 */
@NullMarked
package io.corsboot.core;

import org.jspecify.annotations.NullMarked;
