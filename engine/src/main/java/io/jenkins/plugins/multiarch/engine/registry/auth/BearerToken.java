package io.jenkins.plugins.multiarch.engine.registry.auth;

import java.time.Duration;
import java.time.Instant;

/** A registry token and when to stop using it. {@link #toString()} hides the token. */
record BearerToken(String token, Instant expiresAt) {

    /** Renew this long before the token expires, so a request in flight does not carry a dead token. */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    public boolean isFresh(Instant now) {
        return now.plus(MARGIN).isBefore(expiresAt);
    }

    public String header() {
        return "Bearer " + token;
    }

    @Override
    public String toString() {
        return "BearerToken[****, expires " + expiresAt + "]";
    }
}
