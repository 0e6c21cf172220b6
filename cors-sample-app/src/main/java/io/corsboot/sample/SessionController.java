package io.corsboot.sample;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signs a demo user in with a session cookie and tells a caller who it is, by that cookie or by a bearer token. It is
 * written against annotations only, so that it runs unchanged on Spring MVC and on WebFlux, whose session APIs differ.
 */
@RestController
class SessionController {

    static final String COOKIE = "SAMPLE_SESSION";

    static final String TOKEN = "sample-token";

    // A demo keeps at most 1,000 sessions, forgetting the oldest: enough for clicking around, bounded for a server.
    private final Map<String, String> sessions = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 1000;
        }
    });

    @PostMapping("/api/session")
    ResponseEntity<Caller> signIn() {
        String id = UUID.randomUUID().toString();
        this.sessions.put(id, "ada");
        // SameSite=Lax: sent to the API from pages of the same site (any port of localhost), never from other sites.
        ResponseCookie cookie = ResponseCookie.from(COOKIE, id)
            .path("/")
            .httpOnly(true)
            .sameSite("Lax")
            .maxAge(Duration.ofHours(1))
            .build();
        return ResponseEntity.ok()
            .header(HttpHeaders.SET_COOKIE, cookie.toString())
            .body(new Caller("ada", "session cookie"));
    }

    @GetMapping("/api/me")
    ResponseEntity<Caller> me(@CookieValue(name = COOKIE, required = false) @Nullable String session,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        if (("Bearer " + TOKEN).equals(authorization)) {
            return ResponseEntity.ok(new Caller("partner-bot", "Authorization header"));
        }
        String user = (session != null) ? this.sessions.get(session) : null;
        if (user != null) {
            return ResponseEntity.ok(new Caller(user, "session cookie"));
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(new Caller(null, null));
    }

    /** Who called, and how the API knew. */
    record Caller(@Nullable String user, @Nullable String via) {
    }
}
