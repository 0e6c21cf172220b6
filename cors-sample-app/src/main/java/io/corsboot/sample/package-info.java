/**
 * Sample application for the CORS starter: a public API, a partner API with a session cookie, and an admin API, each
 * under its own policy in {@code application.yml}.
 */
@NullMarked
package io.corsboot.sample;

import org.jspecify.annotations.NullMarked;
